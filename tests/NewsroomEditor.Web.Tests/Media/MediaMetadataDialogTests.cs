using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Media;

public class MediaMetadataDialogTests : MediaComponentTest
{
    [Fact]
    public async Task The_dialog_shows_the_image_and_its_current_description()
    {
        var item = Media.Add(FakeMediaService.Item("lu.jpg", altText: "Nước ngập phố", caption: "Mưa lớn", credit: "TTXVN"));
        var (provider, _) = await ShowAsync(item);

        var dialog = provider.Find(".mud-dialog");
        Assert.Equal(item.Thumbnail!.Url, dialog.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("Describe the image for people who cannot see it", dialog.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Nước ngập phố", "Mưa lớn"], provider.FindAll("textarea").Select(t => t.GetAttribute("value") ?? t.TextContent));
        Assert.Equal("TTXVN", provider.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_updates_through_the_service_and_returns_the_updated_item()
    {
        var item = Media.Add(FakeMediaService.Item("lu.jpg"));
        var (provider, dialog) = await ShowAsync(item);

        provider.FindAll("textarea")[0].Change("  Người dân lội nước trên phố Hàng Bài  ");
        provider.FindAll("textarea")[1].Change("Mưa lớn chiều 11/4");
        provider.Find("input").Change("Ảnh: Minh Anh");
        ButtonNamed(provider, "Save").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        var updated = Assert.IsType<MediaItem>(result.Data);
        Assert.Equal(item.Id, updated.Id);
        Assert.Equal("Người dân lội nước trên phố Hàng Bài", updated.AltText);
        var (id, metadata) = Assert.Single(Media.MetadataUpdates);
        Assert.Equal(item.Id, id);
        Assert.Equal(new MediaMetadata("Người dân lội nước trên phố Hàng Bài", "Mưa lớn chiều 11/4", "Ảnh: Minh Anh"), metadata);
    }

    [Fact]
    public async Task A_refusal_is_shown_in_the_dialog_which_stays_open()
    {
        Media.MetadataRefusal = "Only editors describe photos uploaded by someone else.";
        var item = Media.Add(FakeMediaService.Item("lu.jpg", uploaderId: "another"));
        var (provider, dialog) = await ShowAsync(item);

        provider.FindAll("textarea")[0].Change("Phố ngập");
        ButtonNamed(provider, "Save").Click();

        provider.WaitForAssertion(() =>
            Assert.Equal("Only editors describe photos uploaded by someone else.", provider.Find(".mud-dialog [role=alert]").TextContent.Trim()));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Empty(Media.MetadataUpdates);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(MediaItem item)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<MediaMetadataDialog>("Describe the image",
            new DialogParameters<MediaMetadataDialog> { { d => d.Item, item } }));
        provider.WaitForElement(".mud-dialog");
        return (provider, dialog!);
    }
}
