using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Publishing;

/// <summary>
/// Admins' work on sections: names and slugs (reserved and duplicate slugs refused), order,
/// hiding (the section's page leaves the site, its stories stay readable), deleting only what no
/// story uses; every change forgets the public cache and is audited; nobody but an Admin may.
/// </summary>
public sealed class SectionAdministrationTests : IAsyncLifetime
{
    private readonly RecordedAndStoredAuditLog _audit = new();
    private readonly CountingPublicSiteCache _cache = new();
    private CoreTestHost _host = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(services: s =>
        {
            s.AddSingleton<IAuditLog>(_audit);
            s.AddSingleton<IPublicSiteCache>(_cache);
        });
        _audit.Host = _host;
        await People.AddAdminAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_admin_demoted_a_moment_ago_is_refused_from_the_page_still_open()
    {
        var thu = await _host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Admin);
        var openPage = People.Principal(thu.UserId, "Nguyễn Thu", Roles.Admin);
        Assert.NotEmpty(await Admin(openPage, a => a.ListAsync()));

        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(thu.UserId))!, Roles.Admin);
        });

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(openPage, a => a.ListAsync()));
    }

    [Fact]
    public async Task A_new_section_takes_its_slugs_from_its_names_and_goes_last_in_the_menu()
    {
        var created = await Admin(a => a.CreateAsync(new SectionNames("Giáo dục & Đào tạo", "Education")));

        var sections = await ListAsync();
        Assert.Equal("giao-duc-dao-tao", created.SlugVi);
        Assert.Equal("education", created.SlugEn);
        Assert.Equal(created.Id, sections[^1].Section.Id);
        Assert.Equal(1, _cache.Invalidations);
        var record = Assert.Single(_audit.Records, r => r.Action == AuditActions.SectionChanged);
        Assert.Equal(AuditActions.SectionChanged, record.Action);
        Assert.Equal($"section:{created.Id}", record.Target);
        Assert.Equal("admin-1", record.ActorId);
        Assert.Contains("Giáo dục & Đào tạo", record.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_section_is_stored_with_its_audit_entry_and_eviction_and_nothing_recorded_by_hand()
    {
        var created = await Admin(a => a.CreateAsync(new SectionNames("Giáo dục", "Education")));

        var (entry, outbox) = await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            Assert.True(await db.Sections.AnyAsync(s => s.Id == created.Id));
            return (await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SectionChanged),
                await db.OutboxMessages.Where(m => m.Type == PublicSiteEvictionOutboxHandler.MessageType).ToListAsync());
        });
        Assert.Equal($"section:{created.Id}", entry.Target);
        Assert.Equal("admin-1", entry.ActorId);
        Assert.StartsWith("Created section \"Giáo dục\" / \"Education\"", entry.Details, StringComparison.Ordinal);
        Assert.Single(outbox);
        // Delivered before CreateAsync returned: the menu of the very next page shows the section.
        Assert.Equal(1, _cache.Invalidations);
        Assert.Empty(_audit.Direct);
    }

    [Fact]
    public async Task A_creation_refused_for_a_taken_slug_writes_neither_a_section_nor_an_audit_entry()
    {
        await Assert.ThrowsAsync<DomainException>(() => Admin(a => a.CreateAsync(new SectionNames("Tin mới", "News"))));

        await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            Assert.Equal(4, await db.Sections.CountAsync());
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SectionChanged));
            Assert.False(await db.OutboxMessages.AnyAsync());
        });
        Assert.Equal(0, _cache.Invalidations);
    }

    [Fact]
    public async Task A_section_whose_audit_entry_cannot_be_written_is_not_created_either()
    {
        await using var host = await CoreTestHost.StartAsync(services: s => s.AddSingleton<IDomainEventHandler, FailingOnSectionChanges>());
        await People.AddAdminAsync(host);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.InScopeAsync(sp =>
            sp.As(Actor.From(People.Admin)).GetRequiredService<ISectionAdministration>().CreateAsync(new SectionNames("Giáo dục", "Education"))));

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            Assert.False(await db.Sections.AnyAsync(s => s.NameEn == "Education"));
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SectionChanged));
        });
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("Newsroom")]
    [InlineData("EN")]
    public void A_reserved_slug_is_refused_by_the_section_itself(string name)
    {
        var error = Assert.Throws<DomainException>(() => new Section("Thời sự", name, 1));

        Assert.Contains("taken by the app", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reserved_slug_is_refused_on_rename_and_the_section_keeps_its_names()
    {
        var news = await SectionAsync("thoi-su");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Admin(a => a.RenameAsync(news.Id, new SectionNames("Tin tức", "News", SlugVi: "stories"))));

        Assert.Equal("The Vietnamese slug \"stories\" is taken by the app itself (/stories already leads elsewhere); choose another.", error.Message);
        var unchanged = await SectionAsync("thoi-su");
        Assert.Equal("Thời sự", unchanged.NameVi);
        Assert.Equal(0, _cache.Invalidations);
        Assert.DoesNotContain(_audit.Records, r => r.Action == AuditActions.SectionChanged);
    }

    [Fact]
    public async Task A_slug_another_section_has_is_refused_in_each_language()
    {
        var economy = await SectionAsync("kinh-te");

        var vietnamese = await Assert.ThrowsAsync<DomainException>(() =>
            Admin(a => a.RenameAsync(economy.Id, new SectionNames("Kinh tế", "Economy", SlugVi: "Thời sự"))));
        var english = await Assert.ThrowsAsync<DomainException>(() =>
            Admin(a => a.CreateAsync(new SectionNames("Tin mới", "News"))));

        Assert.Contains("\"thoi-su\" is already the section \"Thời sự\"'s", vietnamese.Message, StringComparison.Ordinal);
        Assert.Contains("\"news\" is already the section \"News\"'s", english.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await ListAsync()).Count);
        Assert.Equal("kinh-te", (await SectionAsync("kinh-te")).SlugVi);
    }

    [Fact]
    public async Task Renaming_changes_names_and_slugs_and_forgets_the_public_cache()
    {
        var news = await SectionAsync("thoi-su");

        await Admin(a => a.RenameAsync(news.Id, new SectionNames("Chính trị", "Politics", SlugEn: "politics-and-government")));

        var renamed = (await ListAsync()).Single(s => s.Section.Id == news.Id).Section;
        Assert.Equal(("Chính trị", "Politics", "chinh-tri", "politics-and-government"), (renamed.NameVi, renamed.NameEn, renamed.SlugVi, renamed.SlugEn));
        Assert.Equal(1, _cache.Invalidations);
        Assert.Contains("→", Assert.Single(_audit.Records, r => r.Action == AuditActions.SectionChanged).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_section_up_or_down_reorders_the_menu()
    {
        var sports = await SectionAsync("the-thao");
        var news = await SectionAsync("thoi-su");

        await Admin(a => a.MoveAsync(sports.Id, -1));
        await Admin(a => a.MoveAsync(news.Id, +1));
        await Admin(a => a.MoveAsync(sports.Id, +1));

        Assert.Equal(["kinh-te", "thoi-su", "van-hoa", "the-thao"], (await ListAsync()).Select(s => s.Section.SlugVi));
        Assert.Equal(3, _cache.Invalidations);
    }

    [Fact]
    public async Task A_section_stories_use_cannot_be_deleted_only_hidden()
    {
        var news = await SectionAsync("thoi-su");
        var reporter = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        await _host.InScopeAsync(sp => StoryServices.From(sp).CreateAsync(reporter, "vi", news.Id));
        await _host.InScopeAsync(sp => StoryServices.From(sp).CreateAsync(reporter, "en", news.Id));

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin(a => a.DeleteAsync(news.Id)));

        Assert.Equal("2 stories use this section; hide it instead.", error.Message);
        Assert.Equal(2, (await ListAsync()).Single(s => s.Section.Id == news.Id).StoryCount);
        Assert.DoesNotContain(_audit.Records, r => r.Action == AuditActions.SectionChanged);
    }

    [Fact]
    public async Task A_section_no_story_uses_can_be_deleted()
    {
        var culture = await SectionAsync("van-hoa");

        await Admin(a => a.DeleteAsync(culture.Id));

        Assert.DoesNotContain((await ListAsync()), s => s.Section.Id == culture.Id);
        Assert.StartsWith("Deleted section", Assert.Single(_audit.Records, r => r.Action == AuditActions.SectionChanged).Details, StringComparison.Ordinal);
        Assert.Equal(1, _cache.Invalidations);
    }

    [Fact]
    public async Task A_hidden_section_leaves_the_site_but_its_stories_stay_readable()
    {
        var economy = await SectionAsync("kinh-te");
        var reporter = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var editor = await UserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var story = await PublishAsync(reporter, editor, economy.Id, "Giá lúa tăng mạnh");
        var invalidationsBefore = _cache.Invalidations;

        await Admin(a => a.SetHiddenAsync(economy.Id, hidden: true));

        var published = (Func<IPublishedStories, Task<object?>> read) => _host.InScopeAsync(sp => read(sp.GetRequiredService<IPublishedStories>()));
        Assert.Null(await published(async p => await p.SectionAsync("vi", "kinh-te", 1)));
        Assert.DoesNotContain(await _host.InScopeAsync(sp => sp.GetRequiredService<IPublishedStories>().SectionsAsync()), s => s.Id == economy.Id);
        Assert.IsType<ArticleLookup.Found>(await published(async p => await p.FindArticleAsync("vi", "kinh-te", story.Slug)));
        Assert.True((await ListAsync()).Single(s => s.Section.Id == economy.Id).Section.IsHidden);

        await Admin(a => a.SetHiddenAsync(economy.Id, hidden: false));

        Assert.NotNull(await published(async p => await p.SectionAsync("vi", "kinh-te", 1)));
        Assert.Equal(2, _cache.Invalidations - invalidationsBefore);
        Assert.Equal(2, _audit.Records.Count(r => r.Action == AuditActions.SectionChanged));
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Editor)]
    public async Task Reporters_and_editors_are_refused_every_section_action(string role)
    {
        var someone = People.Principal("someone", "Ai đó", role);
        var news = await SectionAsync("thoi-su");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, a => a.ListAsync()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, a => a.CreateAsync(new SectionNames("Mới", "New"))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, a => a.RenameAsync(news.Id, new SectionNames("Đổi", "Changed"))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, async a => { await a.MoveAsync(news.Id, 1); return 0; }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, async a => { await a.SetHiddenAsync(news.Id, true); return 0; }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, async a => { await a.DeleteAsync(news.Id); return 0; }));

        var sections = await ListAsync();
        Assert.Equal(["thoi-su", "kinh-te", "van-hoa", "the-thao"], sections.Select(s => s.Section.SlugVi));
        Assert.All(sections, s => Assert.False(s.Section.IsHidden));
        Assert.DoesNotContain(_audit.Records, r => r.Action == AuditActions.SectionChanged);
        Assert.Equal(0, _cache.Invalidations);
    }

    private Task<T> Admin<T>(Func<ISectionAdministration, Task<T>> action) => Admin(People.Admin, action);

    private Task Admin(Func<ISectionAdministration, Task> action) =>
        _host.InScopeAsync(sp => action(sp.As(Actor.From(People.Admin)).GetRequiredService<ISectionAdministration>()));

    /// <summary>In a scope acting as <paramref name="who"/>, as their circuit would.</summary>
    private Task<T> Admin<T>(ClaimsPrincipal who, Func<ISectionAdministration, Task<T>> action) =>
        _host.InScopeAsync(sp => action(sp.As(Actor.From(who)).GetRequiredService<ISectionAdministration>()));

    private Task<IReadOnlyList<SectionListing>> ListAsync() => Admin(a => a.ListAsync());

    private async Task<Section> SectionAsync(string slugVi) => (await ListAsync()).Single(s => s.Section.SlugVi == slugVi).Section;

    private async Task<Story> PublishAsync(Actor reporter, Actor editor, int sectionId, string headline)
    {
        return await _host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var story = await stories.CreateAsync(reporter, "vi", sectionId);
            await stories.SaveAsync(reporter, story.Id, story.Version, StoryFactory.Content(headline) with { SectionId = sectionId });
            await sp.As(reporter).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
            await stories.TransitionAsync(reporter, story.Id, StoryAction.Submit);
            await stories.TransitionAsync(editor, story.Id, StoryAction.Publish);
            return await stories.GetAsync(editor, story.Id);
        });
    }

    private Task<Actor> UserAsync(string email, string name, string role) =>
        _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
            await users.AddToRoleAsync(user, role);
            return Actor.Create(user.Id, name, role);
        });
    /// <summary>Fails the save that records a section's change, as a failing audit write would.</summary>
    private sealed class FailingOnSectionChanges : IDomainEventHandler
    {
        public void Handle(IDomainEvent domainEvent, DomainEventConsequences consequences)
        {
            if (domainEvent is SectionChanged)
                throw new InvalidOperationException("The audit entry could not be written.");
        }
    }
}
