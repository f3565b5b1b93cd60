using Microsoft.JSInterop;
using NewsroomEditor.Web.Components.Stories.Editing;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// The C# side of the browser's story editor module (ClientApp/src/story-editor.js): Tiptap,
/// the toolbar commands, the browser-side copy of unsaved work. The body travels to the server as
/// a stream, so bodies far beyond SignalR's 32 KB message limit save without raising it.
/// </summary>
public sealed class StoryEditorJs : IStoryEditorBrowser, IAsyncDisposable
{
    /// <summary>Largest body accepted from the browser (the server's schema limit is the same).</summary>
    public const long MaxBodyBytes = 5 * 1024 * 1024;

    private readonly IJSObjectReference _module;
    private readonly IJSObjectReference _editor;
    private readonly DotNetObjectReference<Callbacks> _callbacks;

    private StoryEditorJs(IJSObjectReference module, IJSObjectReference editor, DotNetObjectReference<Callbacks> callbacks)
    {
        _module = module;
        _editor = editor;
        _callbacks = callbacks;
    }

    /// <summary>Loads the module lazily and mounts the editor in <paramref name="host"/>.</summary>
    public static async Task<StoryEditorJs> CreateAsync(
        IJSRuntime js, string moduleUrl, Microsoft.AspNetCore.Components.ElementReference host,
        StoryEditorOptions options, Func<EditorState, Task> onStateChanged, Func<Task> onBodyChanged,
        Func<bool, Task>? onReconnected = null, Func<string, Task>? onLinkRequested = null)
    {
        ArgumentNullException.ThrowIfNull(js);
        var module = await js.InvokeAsync<IJSObjectReference>("import", moduleUrl);
        var callbacks = DotNetObjectReference.Create(new Callbacks(onStateChanged, onBodyChanged, onReconnected ?? (_ => Task.CompletedTask), onLinkRequested ?? (_ => Task.CompletedTask)));
        var editor = await module.InvokeAsync<IJSObjectReference>("createStoryEditor", host, callbacks, options);
        return new StoryEditorJs(module, editor, callbacks);
    }

    public ValueTask<bool> CommandAsync(string name, object? args = null) => _editor.InvokeAsync<bool>("command", name, args);

    /// <summary>
    /// Reads the body and the draft fields as the browser has them now, and the change number they
    /// correspond to. The browser is the source of what was typed; the server saves that.
    /// </summary>
    public async Task<(string Json, IReadOnlyDictionary<string, string> Fields, long Sequence)> ReadContentAsync(CancellationToken cancellationToken = default)
    {
        var streamReference = await _editor.InvokeAsync<IJSStreamReference>("getBodyBytes", cancellationToken);
        var sequence = await _editor.InvokeAsync<long>("getReadSequence", cancellationToken);
        var fields = await _editor.InvokeAsync<Dictionary<string, string>>("getReadFields", cancellationToken);
        await using var stream = await streamReference.OpenReadStreamAsync(MaxBodyBytes, cancellationToken);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return (await reader.ReadToEndAsync(cancellationToken), fields, sequence);
    }

    public ValueTask MarkSavedAsync(long sequence, int version) => _editor.InvokeVoidAsync("markSaved", sequence, version);

    public ValueTask<LocalDraft?> GetLocalDraftAsync() => _editor.InvokeAsync<LocalDraft?>("getLocalDraft");

    public ValueTask<bool> RestoreLocalBodyAsync() => _editor.InvokeAsync<bool>("restoreLocalBody");

    public ValueTask DiscardLocalDraftAsync() => _editor.InvokeVoidAsync("discardLocalDraft");

    public ValueTask SetContentAsync(string bodyJson) => _editor.InvokeVoidAsync("setContent", bodyJson);

    public ValueTask SetReadOnlyAsync(bool readOnly) => _editor.InvokeVoidAsync("setReadOnly", readOnly);

    public ValueTask FocusAsync() => _editor.InvokeVoidAsync("focus");

    /// <summary>
    /// Unmounts the editor. Best effort: the page is going away, often because the browser already
    /// has (tab closed, network gone), and then each call fails in one of several ways (the circuit
    /// disconnected or disposed, a pending call cancelled, the object already gone in the browser).
    /// None of them may escape into the circuit: the browser keeps its own copy of unsaved work.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await BestEffortAsync(() => _editor.InvokeVoidAsync("destroy"));
        await BestEffortAsync(() => _editor.DisposeAsync());
        await BestEffortAsync(() => _module.DisposeAsync());
        _callbacks.Dispose();
    }

    private static async Task BestEffortAsync(Func<ValueTask> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (IsBrowserGone(e))
        {
            // Nothing to undo in a browser that is not there.
        }
    }

    /// <summary>
    /// The ways a call fails because the browser is unreachable: disconnected for good
    /// (<see cref="JSDisconnectedException"/>), disconnected for now (the runtime's
    /// <see cref="InvalidOperationException"/>), cancelled with the circuit, or the object gone.
    /// </summary>
    public static bool IsBrowserGone(Exception e) =>
        e is JSDisconnectedException or InvalidOperationException or OperationCanceledException or JSException or ObjectDisposedException;

    /// <summary>What the module calls back; kept apart so the page does not expose itself to JS.</summary>
    public sealed class Callbacks(Func<EditorState, Task> onStateChanged, Func<Task> onBodyChanged, Func<bool, Task> onReconnected, Func<string, Task> onLinkRequested)
    {
        /// <summary>
        /// The writer pressed Ctrl-K (Cmd-K) in the body: the page opens the same link dialog as the
        /// toolbar's, with the link under the cursor (<paramref name="href"/>, empty when none).
        /// </summary>
        [JSInvokable]
        public Task OnLinkRequested(string href) => onLinkRequested(href ?? "");

        /// <summary>The browser rejoined the circuit after an outage; <paramref name="unsaved"/>: it holds changes the server has not confirmed.</summary>
        [JSInvokable]
        public Task OnReconnected(bool unsaved) => onReconnected(unsaved);

        [JSInvokable]
        public Task OnEditorStateChanged(EditorState state) => onStateChanged(state);

        [JSInvokable]
        public Task OnBodyChanged() => onBodyChanged();
    }
}

/// <summary>What the module needs to mount the editor.</summary>
public sealed record StoryEditorOptions(string StoryId, string BodyJson, int Version, bool ReadOnly, string MediaUrl, StoryEditorTexts Texts);

/// <summary>
/// The words the browser module writes on the page itself, given in the person's interface
/// language: the module holds no English of its own for people to read.
/// </summary>
public sealed record StoryEditorTexts(string Body, string Offline, string Caption, string AltText, string AltTextPlaceholder);
