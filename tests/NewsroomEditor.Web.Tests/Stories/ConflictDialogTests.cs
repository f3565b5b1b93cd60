using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class ConflictDialogTests : NewsroomComponentTest
{
    [Fact]
    public async Task The_dialog_names_who_saved_and_when()
    {
        var (provider, _) = await ShowAsync();

        var text = provider.WaitForElement(".mud-dialog").TextContent;
        Assert.Contains("Someone else saved this story", text, StringComparison.Ordinal);
        Assert.Contains("Trần Minh saved it at 19:52 11/04/2024 while you were editing.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_theirs_closes_with_ReloadTheirs()
    {
        var (provider, dialog) = await ShowAsync();

        ButtonNamed(provider, "Reload theirs").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Equal(ConflictChoice.ReloadTheirs, result.Data);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Keep_mine_closes_with_KeepMine()
    {
        var (provider, dialog) = await ShowAsync();

        ButtonNamed(provider, "Keep mine as a new revision").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Equal(ConflictChoice.KeepMine, result.Data);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<ConflictDialog>("Conflict", new DialogParameters<ConflictDialog>
        {
            { d => d.UpdatedByName, "Trần Minh" },
            { d => d.UpdatedAt, "19:52 11/04/2024" },
        }, new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false }));
        provider.WaitForElement(".mud-dialog");
        return (provider, dialog!);
    }

    private static IElement ButtonNamed(IRenderedComponent<MudDialogProvider> provider, string name) =>
        Assert.Single(provider.FindAll("button"), b => b.TextContent.Trim() == name);
}

public class ConflictPromptTests : NewsroomComponentTest
{
    [Fact]
    public async Task A_second_conflict_while_the_dialog_is_open_shows_no_second_dialog()
    {
        var provider = Render<MudDialogProvider>();
        var prompt = new ConflictPrompt(Services.GetRequiredService<IDialogService>(),
            Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<StoriesText>>());

        Task<ConflictChoice?> first = null!;
        // Not awaited: the first question stays open until it is answered below.
        await provider.InvokeAsync(() => { first = prompt.AskAsync("Trần Minh", "19:52"); });
        provider.WaitForElement(".mud-dialog");
        ConflictChoice? second = ConflictChoice.ReloadTheirs;
        await provider.InvokeAsync(async () => second = await prompt.AskAsync("Trần Minh", "19:53"));

        Assert.Null(second);
        Assert.Single(provider.FindAll(".mud-dialog"));
        Assert.True(prompt.IsOpen);

        // One click answers, and closes the only dialog there is.
        Assert.Single(provider.FindAll("button"), b => b.TextContent.Trim() == "Keep mine as a new revision").Click();
        Assert.Equal(ConflictChoice.KeepMine, await first.WaitAsync(TimeSpan.FromSeconds(5)));
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
        Assert.False(prompt.IsOpen);
    }
}
