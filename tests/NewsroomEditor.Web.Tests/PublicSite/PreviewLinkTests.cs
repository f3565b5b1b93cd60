using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Public;
using NewsroomEditor.Web.Components.Public.Site;
using NewsroomEditor.Web.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// Signed preview links (<c>/preview/{token}</c>) through the whole app over real SQLite: shown to
/// anyone holding a valid link, never indexed, stored or cached, and a clear 404 otherwise.
/// </summary>
public sealed class PreviewLinkTests : IAsyncLifetime
{
    private const string Headline = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15";
    private const string BodyText = "Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.";

    private readonly NewsroomAppFactory _app = new();
    private Actor _author = default!;

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        var lan = await _app.CreateUserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _author = Actor.Create(lan.Id, "Hoàng Lan", Roles.Reporter);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_preview_link_offers_the_draft_s_photo_as_webp_before_the_jpeg()
    {
        var photo = await UploadPhotoAsync();
        var story = await WriteDraftAsync(Headline, photo.Id);
        var link = await InScopeAsync(sp => sp.As(_author).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));
        using var anonymous = _app.CreateBrowserlessClient();

        var page = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(link.Path));

        var picture = page.QuerySelector(".article-featured figure > picture")!;
        Assert.Equal("image/webp", picture.QuerySelector("source")!.GetAttribute("type"));
        Assert.Equal(MediaRenditions.SrcSet(MediaRenditions.Webps(photo.Renditions)), picture.QuerySelector("source")!.GetAttribute("srcset"));
        Assert.Equal(MediaRenditions.SrcSet(MediaRenditions.Jpegs(photo.Renditions)), picture.QuerySelector("source + img")!.GetAttribute("srcset"));
    }

    [Fact]
    public async Task A_valid_link_shows_the_draft_to_an_anonymous_reader_and_is_never_indexed_or_stored()
    {
        var story = await WriteDraftAsync(Headline);
        var link = await InScopeAsync(sp => sp.As(_author).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));
        using var anonymous = _app.CreateBrowserlessClient();

        using var response = await anonymous.GetAsync(link.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal(Headline, page.QuerySelector("h1.article-headline")?.TextContent);
        Assert.Contains(BodyText, page.QuerySelector(".article-body")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(PreviewLinkPage.BannerTitle, page.QuerySelector(".preview-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("noindex, nofollow", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store.");
        Assert.False(response.Headers.CacheControl?.Public ?? false);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        // Nothing that would let the draft travel further than the link: no canonical, no share card.
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
        Assert.Null(page.QuerySelector("meta[property='og:title']"));
    }

    [Fact]
    public async Task The_link_shows_the_story_as_it_is_now_not_a_cached_copy()
    {
        var story = await WriteDraftAsync(Headline);
        var link = await InScopeAsync(sp => sp.As(_author).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));
        using var anonymous = _app.CreateBrowserlessClient();
        using (var first = await anonymous.GetAsync(link.Path))
            Assert.Contains(Headline, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await InScopeAsync(sp => StoryServices.From(sp).SaveAsync(_author, story.Id, story.Version, Content("Tiêu đề đã sửa sau khi gửi liên kết")));
        using var second = await anonymous.GetAsync(link.Path);

        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Tiêu đề đã sửa sau khi gửi liên kết", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Headline, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_token_is_a_404_that_says_the_link_is_not_valid()
    {
        var story = await WriteDraftAsync(Headline);
        var link = await InScopeAsync(sp => sp.As(_author).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));
        var middle = link.Token.Length / 2;
        var tampered = link.Token[..middle] + (link.Token[middle] == 'A' ? 'B' : 'A') + link.Token[(middle + 1)..];

        await AssertInvalidLinkAsync(PreviewLinks.PathPrefix + "/" + tampered);
        await AssertInvalidLinkAsync(PreviewLinks.PathPrefix + "/not-a-token-at-all");
    }

    [Fact]
    public async Task An_expired_link_is_a_404()
    {
        var story = await WriteDraftAsync(Headline);
        var expired = await InScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<PreviewLinks>().Sign(story.Id, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await AssertInvalidLinkAsync(expired.Path);
    }

    [Fact]
    public async Task A_link_for_a_story_that_does_not_exist_is_a_404()
    {
        var link = await InScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<PreviewLinks>().Sign(Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(1))));

        await AssertInvalidLinkAsync(link.Path);
    }

    [Fact]
    public async Task A_link_to_a_story_archived_since_is_a_404()
    {
        var story = await WriteDraftAsync(Headline);
        var link = await InScopeAsync(sp => sp.As(_author).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));
        var editor = await EditorAsync();
        await InScopeAsync(sp => StoryServices.From(sp).TransitionAsync(editor, story.Id, StoryAction.Archive));

        await AssertInvalidLinkAsync(link.Path);
        var refused = await Assert.ThrowsAsync<WorkflowException>(
            () => InScopeAsync(sp => sp.As(editor).GetRequiredService<PreviewLinks>().CreateAsync(story.Id)));
        Assert.Contains("archived", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_story_taken_down_since_is_a_404()
    {
        var story = await WriteDraftAsync(Headline);
        var link = await InScopeAsync(sp => sp.As(_author).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));
        var editor = await EditorAsync();
        await InScopeAsync(sp => StoryServices.From(sp).TransitionAsync(_author, story.Id, StoryAction.Submit));
        await InScopeAsync(sp => StoryServices.From(sp).TransitionAsync(editor, story.Id, StoryAction.Publish));
        await InScopeAsync(sp => StoryServices.From(sp).TransitionAsync(editor, story.Id, StoryAction.Unpublish));

        await AssertInvalidLinkAsync(link.Path);
        var refused = await Assert.ThrowsAsync<WorkflowException>(
            () => InScopeAsync(sp => sp.As(editor).GetRequiredService<PreviewLinks>().CreateAsync(story.Id)));
        Assert.Contains("unpublished", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drafts_public_address_is_still_404_while_its_preview_link_works()
    {
        var story = await WriteDraftAsync(Headline);
        var link = await InScopeAsync(sp => sp.As(_author).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));
        var publicPath = await InScopeAsync(async sp =>
        {
            var section = await sp.GetRequiredService<NewsroomDbContext>().Sections.SingleAsync(s => s.Id == story.SectionId);
            return sp.GetRequiredService<PublicPaths>().Article(story.Language, section.SlugFor(story.Language), story.Slug);
        });
        using var anonymous = _app.CreateBrowserlessClient();

        using var preview = await anonymous.GetAsync(link.Path);
        using var article = await anonymous.GetAsync(publicPath);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
        Assert.DoesNotContain(Headline, await article.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_author_and_editors_may_share_a_story_and_other_reporters_may_not()
    {
        var story = await WriteDraftAsync(Headline);
        var editor = await EditorAsync();
        var minhUser = await _app.CreateUserAsync("minh@example.vn", "Trần Minh", Roles.Reporter);
        var minh = Actor.Create(minhUser.Id, "Trần Minh", Roles.Reporter);

        var byEditor = await InScopeAsync(sp => sp.As(editor).GetRequiredService<PreviewLinks>().CreateAsync(story.Id));

        Assert.Equal(story.Id, byEditor.StoryId);
        await Assert.ThrowsAsync<AccessDeniedException>(
            () => InScopeAsync(sp => sp.As(minh).GetRequiredService<PreviewLinks>().CreateAsync(story.Id)));
    }

    private async Task AssertInvalidLinkAsync(string path)
    {
        using var anonymous = _app.CreateBrowserlessClient();
        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This preview link has expired or is not valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Headline, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store.");
        Assert.Equal("noindex, nofollow", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
    }

    private async Task<Story> WriteDraftAsync(string headline, Guid? featuredMediaId = null)
    {
        return await InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var sectionId = await sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync();
            var story = await stories.CreateAsync(_author, "vi", sectionId);
            var content = Content(headline) with { SectionId = sectionId, FeaturedMediaId = featuredMediaId };
            await stories.SaveAsync(_author, story.Id, story.Version, content);
            return await stories.GetAsync(_author, story.Id);
        });
    }

    private async Task<MediaItem> UploadPhotoAsync()
    {
        byte[] jpeg;
        using (var image = NetVips.Image.Black(800, 500, bands: 3).Linear([1.0, 1.0, 1.0], [60.0, 120.0, 180.0]))
            jpeg = image.JpegsaveBuffer(q: 85);
        return await InScopeAsync(async sp =>
        {
            using var content = new MemoryStream(jpeg);
            var uploaded = await sp.As(_author).GetRequiredService<IMediaService>().UploadAsync("hoi-nghi.jpg", content);
            return uploaded.Stored!;
        });
    }

    private async Task<Actor> EditorAsync()
    {
        var user = await _app.CreateUserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        return Actor.Create(user.Id, "Nguyễn Thu", Roles.Editor);
    }

    private static StoryContent Content(string headline) => new(
        headline,
        "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 15.",
        StoryBody.FromParagraphs([BodyText, "Hội nghị đã thảo luận và thống nhất cao."]),
        SectionId: null,
        Tags: ["Hội nghị"],
        Byline: "Hoàng Lan",
        Slug: "",
        MetaDescription: "");

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
