using System.Net;
using AngleSharp.Html.Parser;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// The reader search finds what readers may read and nothing else: a draft, a scheduled story
/// before its time and a story taken down are never found, by any of their words.
/// </summary>
public sealed class ReaderSearchVisibilityTests(PublishedNewsroom newsroom) : IClassFixture<PublishedNewsroom>
{
    private readonly HttpClient _client = newsroom.App.CreateBrowserlessClient();

    [Fact]
    public async Task Stories_readers_may_not_read_are_never_found()
    {
        foreach (var hidden in newsroom.Hidden)
        {
            foreach (var words in new[] { hidden.Headline, hidden.Lead, hidden.Headline.Split(' ')[1] })
            {
                var page = await ReadAsync("/tim-kiem?q=" + Uri.EscapeDataString(words));
                Assert.DoesNotContain(hidden.Headline, page.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
                Assert.DoesNotContain(page.QuerySelectorAll(".story-card"), c => c.TextContent.Contains(hidden.Lead, StringComparison.Ordinal));
                Assert.Empty(page.QuerySelectorAll($"a[href$='/{hidden.Slug}']"));
            }
        }
    }

    [Fact]
    public async Task Published_stories_are_found_in_their_own_language_only()
    {
        var vietnamese = await ReadAsync("/tim-kiem?q=xuat+khau+gao");
        var englishForVietnamese = await ReadAsync("/en/search?q=xuat+khau+gao");
        var english = await ReadAsync("/en/search?q=plenary");

        Assert.Equal([newsroom.Rice.Headline], vietnamese.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
        Assert.Empty(englishForVietnamese.QuerySelectorAll(".story-card"));
        Assert.Equal([newsroom.PlenaryInEnglish.Headline], english.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ReadAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
