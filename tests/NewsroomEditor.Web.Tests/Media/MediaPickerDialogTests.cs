using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Media;

public class MediaPickerDialogTests : MediaComponentTest
{
    [Fact]
    public async Task Choosing_an_image_in_the_Library_tab_closes_with_it()
    {
        Media.Add(FakeMediaService.Item("a.jpg", caption: "Cầu Rồng"));
        var wanted = Media.Add(FakeMediaService.Item("b.jpg", caption: "Chợ Bến Thành"));
        var (provider, dialog) = await ShowAsync();

        OpenLibrary(provider);
        provider.WaitForElement("button[aria-label='Choose Chợ Bến Thành']").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Equal(wanted, result.Data);
    }

    [Fact]
    public async Task The_Library_tab_searches_through_the_service()
    {
        Media.Add(FakeMediaService.Item("a.jpg", caption: "Cầu Rồng"));
        var (provider, _) = await ShowAsync();
        OpenLibrary(provider);
        provider.WaitForElement("button[aria-label='Choose Cầu Rồng']");

        provider.Find(".mud-dialog input[type=text]").Input("  cho ben thanh ");

        provider.WaitForAssertion(() => Assert.Equal("cho ben thanh", Media.Queries[^1].Search), TimeSpan.FromSeconds(3));
        provider.WaitForAssertion(() => Assert.Contains("No photo matches this search.", provider.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_in_the_Upload_tab_closes_with_the_new_image()
    {
        var (provider, dialog) = await ShowAsync();

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "moi.jpg", contentType: "image/jpeg"));

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Equal("moi.jpg", Assert.IsType<MediaItem>(result.Data).OriginalFileName);
    }

    private void OpenLibrary(IRenderedComponent<MudDialogProvider> provider) =>
        Assert.Single(provider.FindAll(".mud-tab"), t => t.TextContent.Trim() == "Library").Click();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<MediaPickerDialog>("Insert image"));
        provider.WaitForElement(".mud-dialog");
        return (provider, dialog!);
    }
}
