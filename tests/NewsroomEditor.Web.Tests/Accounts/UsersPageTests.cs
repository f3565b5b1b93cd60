using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components;
using NewsroomEditor.Web.Components.Admin.Users;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>The users grid over a fake service: rows, status text, filters and actions reach the service.</summary>
public sealed class UsersPageTests : NewsroomComponentTest
{
    private readonly FakeAccounts _accounts = new();

    public UsersPageTests()
    {
        Services.AddSingleton<IAccountAdministration>(_accounts);
        Services.AddSingleton<IPersonalDataErasure>(new NoPersonalDataErasure());
        Services.AddSingleton(Options.Create(new AccountOptions()));
        SignIn("Quản trị", Roles.Admin);
        _accounts.Acting = async () => (await Authentication.GetAuthenticationStateAsync()).User;
    }

    [Fact]
    public void The_grid_shows_each_person_with_roles_status_and_last_sign_in()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr.mud-table-row").Count));
        var lan = Row(page, "lan@example.vn");
        Assert.Contains("Hoàng Lan", lan.TextContent, StringComparison.Ordinal);
        Assert.Contains("Editor, Reporter", lan.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", lan.QuerySelector("[data-status]")!.TextContent, StringComparison.Ordinal);
        // 12:45 UTC is 19:45 in Asia/Ho_Chi_Minh, in the reader's culture's short date and time.
        Assert.Contains(new DateTime(2026, 4, 11, 19, 45, 0).ToString("g", CultureInfo.CurrentCulture), lan.TextContent, StringComparison.Ordinal);
        Assert.Equal("Invited", Row(page, "ha@example.vn").QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Contains("Never", Row(page, "ha@example.vn").TextContent, StringComparison.Ordinal);
        Assert.Equal("Locked out", Row(page, "minh@example.vn").QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal("Deactivated", Row(page, "thu@example.vn").QuerySelector("[data-status]")!.TextContent.Trim());
    }

    [Fact]
    public void Actions_follow_the_status()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr.mud-table-row").Count));

        Assert.Equal(["Edit roles", "Deactivate", "Send password-reset link", "Erase personal data"], Buttons(page, "lan@example.vn"));
        Assert.Equal(["Edit roles", "Deactivate", "New invitation link", "Erase personal data"], Buttons(page, "ha@example.vn"));
        Assert.Equal(["Edit roles", "Deactivate", "Unlock", "Send password-reset link", "Erase personal data"], Buttons(page, "minh@example.vn"));
        Assert.Equal(["Edit roles", "Reactivate", "Erase personal data"], Buttons(page, "thu@example.vn"));
    }

    [Fact]
    public async Task Search_and_filters_are_sent_to_the_service_and_start_from_the_first_page()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(_accounts.Queries));

        await page.InvokeAsync(() => page.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("hoang"));
        var selects = page.FindComponents<MudSelect<string>>();
        await page.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(Roles.Editor));
        await page.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(nameof(AccountStatus.LockedOut)));

        page.WaitForAssertion(() => Assert.Equal(
            new AccountQuery("hoang", Roles.Editor, AccountStatus.LockedOut, 0, 25), _accounts.Queries.Last()));
        Assert.Contains(new AccountQuery("hoang", null, null, 0, 25), _accounts.Queries);
        Assert.All(_accounts.Actors, actor => Assert.Equal("Quản trị", actor.GetDisplayName()));
    }

    [Fact]
    public async Task Paging_asks_for_the_next_page_and_a_new_filter_goes_back_to_the_first()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(_accounts.Queries));

        Assert.Single(page.FindAll("button[aria-label='Next page']")).Click();
        page.WaitForAssertion(() => Assert.Equal(1, _accounts.Queries.Last().Page));

        var status = page.FindComponents<MudSelect<string>>()[1];
        await page.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(nameof(AccountStatus.Invited)));

        page.WaitForAssertion(() => Assert.Equal(new AccountQuery("", null, AccountStatus.Invited, 0, 25), _accounts.Queries.Last()));
    }

    [Fact]
    public void Unlock_calls_the_service_and_says_so()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr.mud-table-row").Count));

        Button(page, "minh@example.vn", "Unlock").Click();

        page.WaitForAssertion(() => Assert.Contains("Trần Minh is unlocked.", page.Find("[data-users-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["unlock:minh"], _accounts.Actions);
    }

    [Fact]
    public void A_refusal_from_the_service_is_shown_as_its_message()
    {
        _accounts.Refusal = "Trần Minh is the last active Admin and cannot be deactivated.";
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr.mud-table-row").Count));

        Button(page, "thu@example.vn", "Reactivate").Click();

        page.WaitForAssertion(() => Assert.Contains("last active Admin", page.Find("[data-users-message]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_reset_link_is_shown_once_with_a_copy_button()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr.mud-table-row").Count));

        Button(page, "lan@example.vn", "Send password-reset link").Click();

        page.WaitForElement(".mud-dialog");
        Assert.Equal("http://localhost/Account/ResetPassword?code=abc", page.Find(".mud-dialog input").GetAttribute("value"));
        Assert.Equal("no", page.Find("[data-link-emailed]").GetAttribute("data-link-emailed"));
        Assert.Contains(page.FindAll(".mud-dialog button"), b => b.TextContent.Trim() == "Copy link");
    }

    [Theory]
    [InlineData("lan@example.vn", "Send password-reset link", "https://news.example/Account/ResetPassword?code=abc")]
    [InlineData("ha@example.vn", "New invitation link", "https://news.example/Account/AcceptInvitation?userId=x&code=new")]
    public void Links_shown_and_mailed_are_built_on_Site_PublicUrl_not_on_the_address_the_page_was_opened_at(string email, string action, string link)
    {
        // The page is open at http://localhost/ (the circuit's address, which the browser's Host chose).
        Services.AddSingleton<IOptionsMonitor<NewsroomEditor.Core.Settings.SiteOptions>>(new FixedOptionsMonitor<NewsroomEditor.Core.Settings.SiteOptions>(new() { Name = "Báo Thử Nghiệm", PublicUrl = "https://news.example" }));
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr.mud-table-row").Count));

        Button(page, email, action).Click();

        page.WaitForElement(".mud-dialog");
        Assert.Equal(link, page.Find(".mud-dialog input").GetAttribute("value"));
    }

    [Fact]
    public void Inviting_shows_validation_messages_before_calling_the_service()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(_accounts.Queries));

        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Invite person").Click();
        page.WaitForElement(".mud-dialog");
        Assert.Single(page.FindAll(".mud-dialog button"), b => b.TextContent.Trim() == "Invite").Click();

        page.WaitForAssertion(() => Assert.Contains("Give the person's name.", page.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find(".mud-dialog").TextContent.Contains("Give the person's e-mail address.", StringComparison.Ordinal), page.Find(".mud-dialog").TextContent);
        Assert.Empty(_accounts.Actions);
    }

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderPage() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<UsersPage>(2);
        builder.CloseComponent();
    });

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string email) =>
        Assert.Single(page.FindAll("tbody tr.mud-table-row"), r => r.QuerySelector($"[data-actions-for='{email}']") is not null);

    private static List<string> Buttons(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string email) =>
        page.Find($"[data-actions-for='{email}']").QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string email, string name) =>
        Assert.Single(page.Find($"[data-actions-for='{email}']").QuerySelectorAll("button"), b => b.TextContent.Trim() == name);

    private sealed class FakeAccounts : IAccountAdministration
    {
        private static readonly DateTime LanSignedIn = new(2026, 4, 11, 12, 45, 0, DateTimeKind.Utc);

        private readonly List<AccountRow> _people =
        [
            new("lan", "Hoàng Lan", "lan@example.vn", [Roles.Editor, Roles.Reporter], AccountStatus.Active, LanSignedIn, null),
            new("ha", "Phạm Hà", "ha@example.vn", [Roles.Reporter], AccountStatus.Invited, null, LanSignedIn),
            new("minh", "Trần Minh", "minh@example.vn", [Roles.Admin], AccountStatus.LockedOut, LanSignedIn, null),
            new("thu", "Nguyễn Thu", "thu@example.vn", [Roles.Editor], AccountStatus.Deactivated, null, null),
        ];

        public ConcurrentQueue<AccountQuery> Queries { get; } = new();
        public ConcurrentQueue<ClaimsPrincipal> Actors { get; } = new();

        /// <summary>Who acts, as the real service reads it from the scope's CurrentActor: the test's signed-in person.</summary>
        public Func<Task<ClaimsPrincipal>> Acting { get; set; } = () => throw new InvalidOperationException("Nobody acts.");
        public List<string> Actions { get; } = [];
        public string? Refusal { get; set; }

        public async Task<AccountPage> ListAsync(AccountQuery query, CancellationToken cancellationToken = default)
        {
            Actors.Enqueue(await Acting());
            Queries.Enqueue(query);
            // Sixty people in all, so that the pager has pages to go to.
            return new AccountPage(_people, 60);
        }

        public Task<AccountLink> InviteAsync(NewAccount account, Uri appBase, CancellationToken cancellationToken = default) =>
            Act<AccountLink>($"invite:{account.Email}", new("new", account.Email, new Uri(appBase, "Account/AcceptInvitation?userId=new&code=xyz"), false));

        public Task<AccountLink> RenewInvitationAsync(string userId, Uri appBase, CancellationToken cancellationToken = default) =>
            Act<AccountLink>($"renew:{userId}", new(userId, "x@example.vn", new Uri(appBase, "Account/AcceptInvitation?userId=x&code=new"), false));

        public Task ChangeRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
            Act($"roles:{userId}:{string.Join(",", roles)}", true);

        public Task DeactivateAsync(string userId, CancellationToken cancellationToken = default) => Act($"deactivate:{userId}", true);

        public Task ReactivateAsync(string userId, CancellationToken cancellationToken = default) => Act($"reactivate:{userId}", true);

        public Task UnlockAsync(string userId, CancellationToken cancellationToken = default) => Act($"unlock:{userId}", true);

        public Task<AccountLink> SendPasswordResetAsync(string userId, Uri appBase, CancellationToken cancellationToken = default) =>
            Act<AccountLink>($"reset:{userId}", new(userId, "lan@example.vn", new Uri(appBase, "Account/ResetPassword?code=abc"), false));

        private Task<T> Act<T>(string action, T result)
        {
            if (Refusal is not null)
                throw new DomainException(Refusal);
            Actions.Add(action);
            return Task.FromResult(result);
        }
    }
}
