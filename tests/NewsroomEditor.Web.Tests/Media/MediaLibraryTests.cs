using MudBlazor;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Media;

public class MediaLibraryTests : MediaComponentTest
{
    [Fact]
    public void The_library_shows_each_image_with_its_alt_text_caption_credit_and_uploader()
    {
        var item = Media.Add(FakeMediaService.Item("lu.jpg", altText: "Người dân lội nước", caption: "Mưa lớn chiều 11/4", credit: "TTXVN"));
        var library = Render<MediaLibrary>();

        var card = library.WaitForElement($"[data-media-id='{item.Id}']");
        var image = card.QuerySelector("img")!;
        Assert.Equal(item.Thumbnail!.Url, image.GetAttribute("src"));
        Assert.Equal("Người dân lội nước", image.GetAttribute("alt"));
        Assert.Contains("Mưa lớn chiều 11/4", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Credit: TTXVN", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trần Minh", card.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("No alt text", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Upload", library.Find("label").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thumbnail_offers_its_webp_before_the_jpeg_img()
    {
        var item = Media.Add(FakeMediaService.Item("lu.jpg", altText: "Người dân lội nước"));
        var library = Render<MediaLibrary>();

        var picture = library.WaitForElement($"[data-media-id='{item.Id}'] picture");
        var source = picture.FirstElementChild!;
        Assert.Equal(("SOURCE", "image/webp"), (source.TagName, source.GetAttribute("type")));
        Assert.Equal($"/media/{item.Id:N}-320.webp", source.GetAttribute("srcset"));
        var image = picture.QuerySelector("source + img")!;
        Assert.Equal(item.Thumbnail!.Url, image.GetAttribute("src"));
        Assert.Equal("Người dân lội nước", image.GetAttribute("alt"));
    }

    [Fact]
    public void A_thumbnail_of_a_photo_without_webp_is_the_plain_jpeg_img()
    {
        var jpegOnly = FakeMediaService.Item("cu.jpg", altText: "Ảnh cũ");
        var item = Media.Add(jpegOnly with { Renditions = jpegOnly.Renditions.Where(r => r.Format == "jpeg").ToList() });
        var library = Render<MediaLibrary>();

        var card = library.WaitForElement($"[data-media-id='{item.Id}']");
        Assert.Null(card.QuerySelector("picture"));
        Assert.Equal(item.Thumbnail!.Url, card.QuerySelector("img")!.GetAttribute("src"));
    }

    [Fact]
    public void An_image_without_alt_text_carries_a_warning()
    {
        var described = Media.Add(FakeMediaService.Item("a.jpg", altText: "Cầu Rồng"));
        var bare = Media.Add(FakeMediaService.Item("b.jpg"));
        var library = Render<MediaLibrary>();

        library.WaitForElement($"[data-media-id='{bare.Id}']");
        Assert.Contains("No alt text", library.Find($"[data-media-id='{bare.Id}']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("No alt text", library.Find($"[data-media-id='{described.Id}']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void My_uploads_asks_the_service_for_mine_only()
    {
        Media.Add(FakeMediaService.Item("a.jpg"));
        var library = Render<MediaLibrary>();
        library.WaitForAssertion(() => Assert.False(Assert.Single(Media.Queries).MineOnly));

        library.Find("input[type=checkbox]").Change(true);

        library.WaitForAssertion(() => Assert.True(Media.Queries[^1].MineOnly));
        Assert.Equal(0, Media.Queries[^1].Page);
    }

    [Fact]
    public void The_search_box_passes_its_text_to_the_service_after_a_pause()
    {
        var library = Render<MediaLibrary>();
        library.WaitForAssertion(() => Assert.Single(Media.Queries));

        library.Find("input[type=text]").Input(" hoi nghi ");

        library.WaitForAssertion(() => Assert.Equal("hoi nghi", Media.Queries[^1].Search), TimeSpan.FromSeconds(3));
        Assert.Equal(2, Media.Queries.Count);
        // The query is recorded before the page renders its answer: wait for that render.
        library.WaitForAssertion(() => Assert.Contains("No photo matches these filters.", library.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Used_in_lists_the_stories_with_links()
    {
        var item = Media.Add(FakeMediaService.Item("a.jpg"));
        var story = new StorySummary(Guid.NewGuid(), "Hội nghị Ban Chấp hành", StoryState.Published, "u", "Trần Minh", 1, "vi",
            DateTime.UtcNow, null, DateTime.UtcNow, null);
        Media.Usage[item.Id] = [story];
        var library = Render<MediaLibrary>();

        library.WaitForElement($"button[aria-label='Used in: a.jpg']").Click();

        var link = library.WaitForElement(".media-usage a");
        Assert.Equal("Hội nghị Ban Chấp hành", link.TextContent.Trim());
        Assert.EndsWith($"stories/{story.Id}", link.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_asks_first_and_shows_the_refusal_when_the_image_is_used()
    {
        const string refusal = "This image is used in 1 story: Hội nghị Ban Chấp hành.";
        Media.DeleteRefusal = refusal;
        var item = Media.Add(FakeMediaService.Item("a.jpg"));
        var provider = Render<MudDialogProvider>();
        var library = Render<MediaLibrary>();

        library.WaitForElement("button[aria-label='Delete a.jpg']").Click();
        provider.WaitForElement(".mud-dialog");
        ButtonNamed(provider, "Delete").Click();

        library.WaitForAssertion(() =>
            Assert.Equal(refusal, library.Find($"[data-media-id='{item.Id}'] [role=alert]").TextContent.Trim()));
        Assert.Empty(Media.Deleted);
    }

    [Fact]
    public void A_confirmed_delete_removes_the_image()
    {
        var item = Media.Add(FakeMediaService.Item("a.jpg"));
        var provider = Render<MudDialogProvider>();
        var library = Render<MediaLibrary>();

        library.WaitForElement("button[aria-label='Delete a.jpg']").Click();
        provider.WaitForElement(".mud-dialog");
        ButtonNamed(provider, "Delete").Click();

        library.WaitForAssertion(() => Assert.Empty(library.FindAll($"[data-media-id='{item.Id}']")));
        Assert.Equal([item.Id], Media.Deleted);
    }

    [Fact]
    public void An_upload_appears_in_the_library()
    {
        var library = Render<MediaLibrary>();
        library.WaitForAssertion(() => Assert.Single(Media.Queries));

        library.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "moi.jpg", contentType: "image/jpeg"));

        library.WaitForAssertion(() => Assert.Contains("moi.jpg", library.Find(".media-grid").TextContent, StringComparison.Ordinal));
    }
}
