using NewsroomEditor.Web.Components.Public;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Public;

public class ArticleViewTests : NewsroomComponentTest
{
    private static readonly DateTime PublishedAt = new(2024, 4, 11, 12, 45, 0, DateTimeKind.Utc);

    [Fact]
    public void The_date_line_is_in_the_sites_time_zone()
    {
        var article = RenderArticle();

        Assert.Equal("11/04/2024 - 19:45", article.Find(".article-date").TextContent.Trim());
        Assert.Equal("2024-04-11T12:45:00Z", article.Find(".article-date time").GetAttribute("datetime"));
    }

    [Fact]
    public void The_headline_is_the_only_h1()
    {
        var article = RenderArticle();

        var h1 = Assert.Single(article.FindAll("h1"));
        Assert.Equal("Hội nghị Ban Chấp hành Đảng bộ khối lần thứ 16", h1.TextContent);
    }

    [Fact]
    public void The_lead_is_bold_and_the_body_is_written_as_markup()
    {
        var article = RenderArticle();

        Assert.Equal("Chiều 11/4, Đảng ủy khối tổ chức hội nghị.", article.Find("p.article-lead strong").TextContent);
        Assert.Equal("nhiệm kỳ 2020-2025", article.Find(".article-body p em").TextContent);
    }

    [Fact]
    public void The_byline_comes_last()
    {
        var article = RenderArticle(updated: new DateTime(2024, 4, 12, 1, 30, 0, DateTimeKind.Utc));

        var last = article.Find("article.article").Children.Last();
        Assert.Equal("article-byline", last.ClassName);
        Assert.Equal("Hoàng Lan", last.TextContent);
    }

    [Fact]
    public void No_updated_line_unless_corrected()
    {
        var article = RenderArticle();

        Assert.Empty(article.FindAll(".article-updated"));
    }

    [Fact]
    public void A_corrected_vietnamese_story_says_cap_nhat_in_site_time()
    {
        var article = RenderArticle(updated: new DateTime(2024, 4, 12, 1, 30, 0, DateTimeKind.Utc));

        Assert.Equal("Cập nhật 08:30 12/04/2024", article.Find(".article-updated").TextContent.Trim());
    }

    [Fact]
    public void A_corrected_english_story_says_updated()
    {
        var article = RenderArticle(updated: new DateTime(2024, 4, 12, 1, 30, 0, DateTimeKind.Utc), language: "en");

        Assert.Equal("Updated 08:30 12/04/2024", article.Find(".article-updated").TextContent.Trim());
        Assert.Equal("en", article.Find("article").GetAttribute("lang"));
    }

    private IRenderedComponent<ArticleView> RenderArticle(DateTime? updated = null, string language = "vi") =>
        Render<ArticleView>(p => p
            .Add(x => x.Headline, "Hội nghị Ban Chấp hành Đảng bộ khối lần thứ 16")
            .Add(x => x.Lead, "Chiều 11/4, Đảng ủy khối tổ chức hội nghị.")
            .Add(x => x.BodyHtml, "<p>Thảo luận dự thảo báo cáo, <em>nhiệm kỳ 2020-2025</em>.</p>")
            .Add(x => x.Byline, "Hoàng Lan")
            .Add(x => x.PublishedAtUtc, PublishedAt)
            .Add(x => x.UpdatedAtUtc, updated)
            .Add(x => x.Language, language));
}
