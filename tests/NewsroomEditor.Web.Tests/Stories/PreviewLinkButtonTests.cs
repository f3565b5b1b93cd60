using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Public;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class PreviewLinkButtonTests : StoryComponentTest
{
    private readonly IDataProtectionProvider _keys = new EphemeralDataProtectionProvider();

    [Fact]
    public async Task Sharing_shows_a_working_link_with_its_expiry_in_site_time()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        var page = RenderButton(story);

        ShareButton(page).Click();

        page.WaitForElement(".mud-dialog");
        var url = page.Find(".mud-dialog input").GetAttribute("value")!;
        Assert.StartsWith("http://localhost/preview/", url, StringComparison.Ordinal);
        // (Reading the token back is PreviewLinkTests' part: Data Protection checks expiry on the
        // real clock, and this test's clock is in 2024.)
        Assert.True(url.Length > "http://localhost/preview/".Length + 40, url);
        // 48 hours after 12:45 UTC on 11/04/2024, in Asia/Ho_Chi_Minh (UTC+7), as the reader's culture (en-US) writes it.
        Assert.Equal(new DateTime(2024, 4, 13, 19, 45, 0).ToString("g", System.Globalization.CultureInfo.CurrentCulture),
            page.Find("[data-preview-link-expiry]").TextContent);
        Assert.Contains(page.FindAll(".mud-dialog button"), b => b.TextContent.Trim() == "Copy link");
    }

    [Fact]
    public async Task Someone_who_may_not_open_the_story_gets_the_reason_and_no_link()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        await Host.UserAsync(SignIn("Trần Minh", Roles.Reporter));
        var page = RenderButton(story);

        ShareButton(page).Click();

        page.WaitForAssertion(() => Assert.Contains("own stories", page.Find("[data-preview-link-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".mud-dialog"));
    }

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderButton(Guid storyId)
    {
        // A scope of the host, acting as the person the test signed in (StoryComponentTest).
        var previews = Host.Services.CreateScope().ServiceProvider.GetRequiredService<IStoryPreviews>();
        Services.AddSingleton(previews);
        Services.AddSingleton(_keys);
        Services.AddSingleton<PreviewLinks>();
        return Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<PreviewLinkButton>(1);
            builder.AddAttribute(2, nameof(PreviewLinkButton.StoryId), storyId);
            builder.CloseComponent();
        });
    }

    private static AngleSharp.Dom.IElement ShareButton(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page) =>
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Share preview link");
}
