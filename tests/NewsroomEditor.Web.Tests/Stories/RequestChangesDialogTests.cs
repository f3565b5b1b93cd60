using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class RequestChangesDialogTests : NewsroomComponentTest
{
    private const string Required = "Say what should change.";

    [Fact]
    public async Task An_empty_note_does_not_close_the_dialog_and_says_what_is_missing()
    {
        var (provider, dialog) = await ShowAsync();
        Assert.DoesNotContain(Required, provider.Markup, StringComparison.Ordinal);

        SendButton(provider).Click();

        provider.WaitForAssertion(() => Assert.Contains(Required, provider.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Single(provider.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task A_note_of_only_spaces_does_not_close_the_dialog()
    {
        var (provider, dialog) = await ShowAsync();

        provider.Find("textarea").Change("   \n  ");
        SendButton(provider).Click();

        provider.WaitForAssertion(() => Assert.Contains(Required, provider.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_note_closes_the_dialog_with_the_trimmed_text()
    {
        var (provider, dialog) = await ShowAsync();

        provider.Find("textarea").Change("  Cite the source of the figures in the second paragraph.  \n");
        SendButton(provider).Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Equal("Cite the source of the figures in the second paragraph.", result.Data);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Cancel_closes_the_dialog_without_a_note()
    {
        var (provider, dialog) = await ShowAsync();
        provider.Find("textarea").Change("Half a thought");

        Assert.Single(provider.FindAll("button"), b => b.TextContent.Trim() == "Cancel").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(result);
        Assert.True(result.Canceled);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<RequestChangesDialog>("Request changes"));
        provider.WaitForElement(".mud-dialog textarea");
        return (provider, dialog!);
    }

    /// <summary>The action button (the title says "Request changes" too, but is no button).</summary>
    private static IElement SendButton(IRenderedComponent<MudDialogProvider> provider) =>
        Assert.Single(provider.FindAll("button"), b => b.TextContent.Trim() == "Request changes");
}
