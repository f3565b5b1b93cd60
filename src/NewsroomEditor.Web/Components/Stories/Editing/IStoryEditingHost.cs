namespace NewsroomEditor.Web.Components.Stories.Editing;

/// <summary>What the editing session asks of the page around it: the page's own thread, a re-render, its dialogs and panels.</summary>
public interface IStoryEditingHost
{
    /// <summary>Runs <paramref name="work"/> on the page's thread (the circuit's dispatcher), as every reaction from a timer, the bus or the browser must.</summary>
    Task InvokeAsync(Func<Task> work);

    /// <summary>Shows the session's state again (work started by a timer or the bus has no UI event to render it).</summary>
    void Render();

    /// <summary>
    /// Asks how to resolve a save conflict; null, showing nothing, while another conflict question
    /// is already open (see <see cref="ConflictPrompt"/>).
    /// </summary>
    Task<ConflictChoice?> AskConflictAsync(string updatedByName, string updatedAt);

    /// <summary>The notes panel shows what was added (a note with a move, someone else's move).</summary>
    Task ReloadNotesAsync();
}

/// <summary>
/// The body editor in the browser as the session uses it: what was typed, the browser's own copy
/// of unsaved work, read-only or not. <see cref="StoryEditorJs"/> is the real one.
/// </summary>
public interface IStoryEditorBrowser
{
    /// <summary>The body, the draft fields as typed, and the change number they correspond to.</summary>
    Task<(string Json, IReadOnlyDictionary<string, string> Fields, long Sequence)> ReadContentAsync(CancellationToken cancellationToken = default);

    /// <summary>The server holds the changes up to <paramref name="sequence"/>, as <paramref name="version"/>.</summary>
    ValueTask MarkSavedAsync(long sequence, int version);

    ValueTask<LocalDraft?> GetLocalDraftAsync();

    ValueTask<bool> RestoreLocalBodyAsync();

    ValueTask DiscardLocalDraftAsync();

    ValueTask SetContentAsync(string bodyJson);

    ValueTask SetReadOnlyAsync(bool readOnly);
}
