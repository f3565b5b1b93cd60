using Microsoft.Extensions.Localization;
using MudBlazor;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// Asks the writer how to resolve a save conflict, one dialog at a time: while one is open, a
/// further conflict (an autosave racing the same other writer again) is the same question, so it is
/// answered by the open dialog instead of stacking a second one that the first click would leave behind.
/// </summary>
public sealed class ConflictPrompt(IDialogService dialogs, IStringLocalizer<StoriesText> L)
{
    /// <summary>A conflict dialog is on screen; saves wait for its answer.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>
    /// Shows the dialog and returns the writer's choice; returns null at once, showing nothing, while
    /// another is open.
    /// </summary>
    public async Task<ConflictChoice?> AskAsync(string updatedByName, string updatedAt)
    {
        if (IsOpen)
            return null;
        IsOpen = true;
        try
        {
            var dialog = await dialogs.ShowAsync<ConflictDialog>(L["Conflict"], new DialogParameters<ConflictDialog>
            {
                { d => d.UpdatedByName, updatedByName },
                { d => d.UpdatedAt, updatedAt },
            }, new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false });
            var result = await dialog.Result;
            // The dialog has no way to close without a choice; a close from elsewhere keeps mine, which loses nothing.
            return result is { Canceled: false, Data: ConflictChoice choice } ? choice : ConflictChoice.KeepMine;
        }
        finally
        {
            IsOpen = false;
        }
    }
}
