using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Media;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// The story editor: fields, the Tiptap body, autosave with a browser-side copy, the edit lease, the
/// workflow buttons and the checklist. Rules are the domain's; this page only calls
/// <see cref="StoryService"/> and <see cref="EditLeaseService"/> and shows what they answer.
/// </summary>
public sealed partial class StoryEditorPage
{
    private static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    /// <summary>
    /// How long a save waits for the browser's content. A read sent into a connection that died
    /// before the server noticed is never answered; without a limit that save would hold every
    /// later one back for good.
    /// </summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);


    /// <summary>Where figures in the editor load their image from (the asset's smallest JPEG); never stored in the body.</summary>
    public const string MediaPreviewUrl = "/media/preview/{id}";

    private readonly CancellationTokenSource _stopping = new();
    private ElementReference _host;
    private StoryEditorJs? _editor;
    private NotesPanel? _notes;
    private IDisposable? _subscription;
    private Story? _story;
    private StoryActor _actor = default!;
    private StoryForm _form = new();
    private IReadOnlyList<Section> _sections = [];
    private IReadOnlyList<ChecklistItem> _checklist = [];
    private EditorState _editorState = new();
    private LeaseStatus? _lease;
    private LocalDraft? _localDraft;
    private AutosavePolicy _autosave = default!;
    private ConflictPrompt _conflicts = default!;
    private CancellationTokenSource? _saveRead;
    /// <summary>A conflict is being resolved (asked, then kept or reloaded): no other save starts meanwhile.</summary>
    private bool _resolvingConflict;
    private int _version;
    private bool _editable;
    private bool _busy;
    private string _status = "";
    private string? _readOnlyReason;
    private string? _takenOverBy;
    private string? _error;
    // Why the server refused the last save, if it did (a rule or a change of access), for the
    // actions that wait for a save and would otherwise only say that nothing was saved.
    private string? _saveRefusal;
    private string? _loadError;
    private bool _disposed;

    [Parameter] public Guid Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private StoryService Stories { get; set; } = default!;
    [Inject] private EditLeaseService Leases { get; set; } = default!;
    [Inject] private ISectionCatalog Sections { get; set; } = default!;
    [Inject] private INewsroomEventBus Events { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IOptionsMonitor<SiteOptions> Site { get; set; } = default!;
    [Inject] private IStringLocalizer<StoriesText> L { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _autosave = new AutosavePolicy(Clock);
        _conflicts = new ConflictPrompt(Dialogs, L);
        _actor = StoryActor.From((await AuthenticationState).User);
        try
        {
            _story = await Stories.GetAsync(_actor, Id);
        }
        catch (DomainException e)
        {
            _loadError = e.Message;
            return;
        }
        _sections = await Sections.ListAsync();
        await ShowStoryAsync(_story);
        // Only an interactive render takes the lease: a prerender must not hold it for nobody.
        if (RendererInfo.IsInteractive)
            await TakeLeaseIfEditableAsync();
        else
            UpdateEditable();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _story is null || !RendererInfo.IsInteractive)
            return;

        try
        {
            // A module specifier must be a path: "./" makes the fingerprinted asset name one.
            _editor = await StoryEditorJs.CreateAsync(
                JS, "./" + Assets["js/story-editor.js"], _host,
                new StoryEditorOptions(Id.ToString(), _story.BodyJson, _version, !_editable, MediaPreviewUrl, EditorTexts()),
                OnEditorStateChangedAsync, OnBodyChangedAsync, OnReconnectedAsync);
        }
        catch (JSException e)
        {
            _editable = false;
            _error = L["The body editor could not start in this browser: {0}", e.Message.Split('\n')[0]];
            StateHasChanged();
            return;
        }
        _subscription = Events.Subscribe(OnNewsroomEventAsync);

        // A copy that says nothing the server lacks is a leftover; anything else is offered back,
        // and shown even while someone else edits, so the writer knows their text is safe.
        var draft = await _editor.GetLocalDraftAsync();
        if (draft is not null && !draft.BodyDiffers && !_form.DiffersFrom(draft.Fields))
            await _editor.DiscardLocalDraftAsync();
        else if (draft is not null && _editable && draft.Version == _version)
        {
            // Made on top of exactly what the server holds (the server or the network went away
            // mid-typing): nobody's work is in the way, so it goes back and is saved at once, with
            // nothing for the writer to click. A copy made on an older version is offered instead.
            _localDraft = draft;
            await RestoreLocalDraftAsync();
        }
        else
            _localDraft = draft;
        _ = RunLoopAsync(_stopping.Token);
        StateHasChanged();
    }

    private async Task ShowStoryAsync(Story story)
    {
        _story = story;
        _form = StoryForm.From(story);
        _version = story.Version;
        _checklist = await Stories.ChecklistAsync(story);
    }

    private async Task TakeLeaseIfEditableAsync()
    {
        if (_story is null)
            return;
        _lease = _story.Allows(_actor, StoryAction.Edit) ? await Leases.AcquireAsync(_actor, Id) : null;
        UpdateEditable();
    }

    /// <summary>
    /// Re-decides whether this person edits now (rules, lease, take-over) and tells the browser
    /// module when that changed; takes the lease when the story has just become theirs to edit.
    /// </summary>
    private async Task ApplyEditabilityAsync()
    {
        if (_story is null)
            return;
        if (RendererInfo.IsInteractive && _takenOverBy is null && _lease is not { HeldByMe: true } && _story.Allows(_actor, StoryAction.Edit))
            _lease = await Leases.AcquireAsync(_actor, Id);
        var before = _editable;
        UpdateEditable();
        if (before != _editable && _editor is not null)
            await _editor.SetReadOnlyAsync(!_editable);
    }

    private void UpdateEditable()
    {
        var allowed = _story is not null && _story.Allows(_actor, StoryAction.Edit);
        _editable = allowed && _lease is { HeldByMe: true } && _takenOverBy is null;
        _readOnlyReason = allowed || _story is null
            ? null
            : StoryRules.Refusal(_actor, _story.AuthorId, _story.State, StoryAction.Edit);
    }

    private async Task RunLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Tick, Clock);
        var nextRenewal = Clock.GetUtcNow() + LeaseRenewal;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await InvokeAsync(async () =>
                {
                    if (_editable && !_resolvingConflict && _autosave.ShouldSaveNow())
                        await SaveNowAsync();
                    if (Clock.GetUtcNow() >= nextRenewal)
                    {
                        nextRenewal = Clock.GetUtcNow() + LeaseRenewal;
                        await RenewLeaseAsync();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private async Task RenewLeaseAsync()
    {
        if (_story is null || !_story.Allows(_actor, StoryAction.Edit) || _takenOverBy is not null)
            return;
        _lease = await Leases.AcquireAsync(_actor, Id);
        await ApplyEditabilityAsync();
        StateHasChanged();
    }

    private Task FieldChangedAsync()
    {
        if (_editable)
        {
            _autosave.Changed();
            _status = L["Unsaved changes"];
        }
        return Task.CompletedTask;
    }

    private Task OnBodyChangedAsync() => InvokeAsync(() =>
    {
        if (!_editable)
            return;
        _autosave.Changed();
        _status = L["Unsaved changes"];
        StateHasChanged();
    });

    /// <summary>
    /// The browser rejoined after an outage. A save under way then may have sent its read into the
    /// dead connection: it is cancelled, and what the browser holds is saved at once.
    /// </summary>
    private Task OnReconnectedAsync(bool unsaved) => InvokeAsync(() =>
    {
        _saveRead?.Cancel();
        if (!_editable || (!unsaved && !_autosave.IsDirty))
            return;
        _autosave.SaveAtOnce();
        _status = L["Back online — saving…"];
        StateHasChanged();
    });

    private Task OnEditorStateChangedAsync(EditorState state) => InvokeAsync(() =>
    {
        _editorState = state;
        StateHasChanged();
    });

    /// <summary>Saves what the writer has now; conflicts, refusals and outages are shown, never lost.</summary>
    private async Task SaveNowAsync()
    {
        if (_editor is null || !_editable || _autosave.IsSaving || _resolvingConflict)
            return;
        _autosave.SaveStarted();
        _status = L["Saving…"];
        StateHasChanged();
        try
        {
            await SaveCoreAsync();
        }
        finally
        {
            // Saves usually start from the timer, not from a UI event: nothing else would render the outcome.
            StateHasChanged();
        }
    }

    /// <summary>Before another story opens in its place (a new translation copies this one): what is typed is saved first.</summary>
    /// <summary>
    /// Saves what the writer sees before another page opens; returns why it may not open yet
    /// (a save still running, a conflict, a lost lease), or null when everything is on the server.
    /// </summary>
    private async Task<string?> SaveBeforeLeavingAsync()
    {
        _saveRefusal = null;
        if (_editable && _autosave.IsDirty)
            await SaveNowAsync();
        if (_saveRefusal is not null && _autosave.IsDirty)
            return _saveRefusal;
        return _autosave.IsDirty || _autosave.IsSaving
            ? L["Your changes are not saved yet ({0}); the new version waits until they are, so that it copies them.", _status].Value
            : null;
    }

    /// <summary>
    /// Reads what the browser holds: the body, the fields as typed (applied to a copy: the bound form
    /// is left alone, so no re-render pushes a value into an input the writer is still typing in),
    /// and the change number they correspond to. Fails after <see cref="ReadTimeout"/>, or at once when
    /// the browser rejoins (see <see cref="OnReconnectedAsync"/>).
    /// </summary>
    private async Task<(StoryContent Content, long Sequence)> ReadBrowserContentAsync()
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        read.CancelAfter(ReadTimeout);
        _saveRead = read;
        try
        {
            var (json, fields, sequence) = await _editor!.ReadContentAsync(read.Token);
            var typed = _form.Copy();
            typed.Apply(fields);
            return (typed.ToContent(StoryBody.Parse(json)), sequence);
        }
        finally
        {
            if (_saveRead == read)
                _saveRead = null;
        }
    }

    private async Task SaveCoreAsync()
    {
        try
        {
            var (content, sequence) = await ReadBrowserContentAsync();
            var result = await Stories.SaveAsync(_actor, Id, _version, content, cancellationToken: _stopping.Token);
            if (result.Saved)
            {
                await SavedAsync(result, sequence);
                return;
            }
            _autosave.Refused();
            // Not awaited here: the dialog may stay open for minutes, and the loop that called this
            // save also keeps the edit lease alive. Saves wait while it is open (see RunLoopAsync),
            // so one conflict asks one question.
            StartConflictResolution(result.Conflict!, content, sequence);
        }
        catch (LeaseLostException e)
        {
            _autosave.Refused();
            _takenOverBy = e.HolderName;
            UpdateEditable();
            _status = L["Not saved — kept in this browser"];
            await _editor!.SetReadOnlyAsync(true);
        }
        catch (DomainException e)
        {
            _autosave.Refused();
            _status = L["Not saved"];
            _error = e.Message;
            _saveRefusal = e.Message;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException or IOException or InvalidOperationException)
        {
            _autosave.Failed();
            _status = L["Offline — kept in this browser"];
        }
    }

    private async Task SavedAsync(SaveResult result, long sequence)
    {
        _version = result.Version;
        _autosave.Saved();
        _status = L["Saved {0}", ShortTime(result.SavedAt)];
        _error = null;
        await _editor!.MarkSavedAsync(sequence, result.Version);
        await RefreshStoryAsync();
    }

    /// <summary>Attempts at keeping mine when the other writer saves again in between; then the writer is asked again.</summary>
    private const int KeepMineAttempts = 5;

    private void StartConflictResolution(StoryConflict conflict, StoryContent mine, long sequence)
    {
        if (_resolvingConflict)
            return;
        _resolvingConflict = true;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await ResolveConflictAsync(conflict, mine, sequence);
            }
            finally
            {
                _resolvingConflict = false;
                StateHasChanged();
            }
        });
    }

    private async Task ResolveConflictAsync(StoryConflict conflict, StoryContent mine, long sequence)
    {
        for (StoryConflict? open = conflict; open is not null;)
        {
            _status = L["Not saved — someone else saved first"];
            StateHasChanged();
            var choice = await _conflicts.AskAsync(open.UpdatedByName, SiteTime.Show(open.UpdatedAt, Site.CurrentValue));
            if (choice is null || _disposed)
                return;
            try
            {
                // Mine is what the browser holds now, what was typed while the dialog was open included.
                try
                {
                    (mine, sequence) = await ReadBrowserContentAsync();
                }
                catch (Exception e) when (StoryEditorJs.IsBrowserGone(e))
                {
                    // The content of the conflicting save is still mine.
                }
                if (choice == ConflictChoice.KeepMine)
                    open = await KeepMineAsync(open, mine, sequence);
                else
                {
                    await ReloadTheirsAsync(open, mine);
                    open = null;
                }
            }
            catch (LeaseLostException e)
            {
                _takenOverBy = e.HolderName;
                UpdateEditable();
                _status = L["Not saved — kept in this browser"];
                if (_editor is not null)
                    await _editor.SetReadOnlyAsync(true);
                return;
            }
            catch (DomainException e)
            {
                _status = L["Not saved"];
                _error = e.Message;
                return;
            }
        }
    }

    /// <summary>
    /// Mine becomes the story's content as a new revision. The writer chose once: if the other writer
    /// saves again in between, mine goes on top of that too, rather than asking the same question
    /// again; only after <see cref="KeepMineAttempts"/> such races is the writer asked anew (the conflict returned).
    /// </summary>
    private async Task<StoryConflict?> KeepMineAsync(StoryConflict conflict, StoryContent mine, long sequence)
    {
        for (var attempt = 1; attempt <= KeepMineAttempts; attempt++)
        {
            _status = L["Saving…"];
            var kept = await Stories.SaveAsync(_actor, Id, conflict.Version, mine, SaveReason.KeepMineAfterConflict);
            if (kept.Saved)
            {
                await SavedAsync(kept, sequence);
                return null;
            }
            conflict = kept.Conflict!;
        }
        return conflict;
    }

    /// <summary>Reload theirs: mine is kept as a revision first (the dialog promises it), then replaced.</summary>
    private async Task ReloadTheirsAsync(StoryConflict conflict, StoryContent mine)
    {
        try
        {
            await Stories.KeepAsRevisionAsync(_actor, Id, mine);
        }
        catch (DomainException e)
        {
            _error = L["Your version could not be kept as a revision, so it stays on screen: {0}", e.Message];
            return;
        }
        _form = StoryForm.From(conflict.Theirs);
        _version = conflict.Version;
        await _editor!.SetContentAsync(conflict.Theirs.Body.ToJson());
        await _editor.DiscardLocalDraftAsync();
        _autosave.Reset();
        _status = L["Reloaded the version saved at {0}", ShortTime(conflict.UpdatedAt)];
        await RefreshStoryAsync();
    }

    private async Task RunCommandAsync((EditorCommand Command, int Level) request)
    {
        if (_editor is null || !_editable)
            return;
        if (request.Command == EditorCommand.InsertImage)
        {
            await InsertImageAsync();
            return;
        }
        if (request.Command != EditorCommand.Link)
        {
            await _editor.CommandAsync(request.Command.ModuleName(), request.Command == EditorCommand.Heading ? request.Level : null);
            return;
        }
        var dialog = await Dialogs.ShowAsync<LinkDialog>(L["Link"]);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string href } && !await _editor.CommandAsync("link", href))
            _error = L["Links must be full http://, https:// or mailto: addresses."];
        await _editor.FocusAsync();
    }

    /// <summary>
    /// Picks an image (new upload or library) and asks for its alt text when it has none; null when
    /// the writer cancels. The dialogs use the media service; the page itself does not need it.
    /// <paramref name="place"/>, when given, runs with the described image while the last dialog is
    /// still open, so its effect in the browser comes before the dialog's removal.
    /// </summary>
    private async Task<MediaItem?> PickDescribedImageAsync(string title, Func<MediaItem, Task>? place = null)
    {
        Func<MediaItem, Task>? placeDescribed = place is null ? null
            : item => string.IsNullOrWhiteSpace(item.AltText) ? Task.CompletedTask : place(item);
        var picker = await Dialogs.ShowAsync<MediaPickerDialog>(title,
            new DialogParameters<MediaPickerDialog> { { d => d.OnChosen, placeDescribed } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await picker.Result is not { Canceled: false, Data: MediaItem item })
            return null;
        if (!string.IsNullOrWhiteSpace(item.AltText))
            return item;
        var describe = await Dialogs.ShowAsync<MediaMetadataDialog>(L["Describe the image"],
            new DialogParameters<MediaMetadataDialog> { { d => d.Item, item }, { d => d.OnChosen, place } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        return await describe.Result is { Canceled: false, Data: MediaItem described } ? described : null;
    }

    /// <summary>
    /// Inserts a picked, described image as a figure at the cursor. It is placed from the dialog's
    /// choice before the dialog closes: placed after, on a busy server the first keys typed the
    /// moment the dialog disappeared reached the page before the photo and the focus did, and were lost.
    /// </summary>
    private async Task InsertImageAsync()
    {
        var item = await PickDescribedImageAsync(L["Insert image"], PlaceFigureAsync);
        if (item is null)
        {
            await _editor!.FocusAsync();
            return;
        }
        if (_editor is not null && _editable)
            await _editor.FocusAsync();
    }

    private async Task PlaceFigureAsync(MediaItem item)
    {
        // The dialogs were awaited: the page may have become read-only (taken over) meanwhile.
        if (_editor is null || !_editable)
            return;
        if (!await _editor.CommandAsync(EditorCommand.InsertImage.ModuleName(), new { mediaId = item.Id.ToString(), alt = item.AltText, caption = item.Caption }))
            _error = L["The image could not be inserted here."];
    }

    private async Task RunActionAsync(StoryAction action)
    {
        if (_story is null)
            return;
        string? note = null;
        DateTime? publishAt = null;
        if (action == StoryAction.RequestChanges)
        {
            var dialog = await Dialogs.ShowAsync<RequestChangesDialog>(L["Request changes"]);
            if (await dialog.Result is not { Canceled: false, Data: string text })
                return;
            note = text;
        }
        else if (action == StoryAction.Schedule)
        {
            var dialog = await Dialogs.ShowAsync<ScheduleDialog>(L["Schedule"], new DialogParameters<ScheduleDialog> { { d => d.TimeZone, Site.CurrentValue.TimeZoneInfo } });
            if (await dialog.Result is not { Canceled: false, Data: DateTime at })
                return;
            publishAt = at;
        }

        _busy = true;
        try
        {
            // The move applies to what the writer sees: unsaved changes are saved first.
            _saveRefusal = null;
            if (_editable && _autosave.IsDirty)
                await SaveNowAsync();
            if (_autosave.IsDirty)
            {
                // A save the server refused (access changed, a rule) says why; "not saved yet" would hide it.
                _error = _saveRefusal ?? L["Your changes are not saved yet ({0}); “{1}” waits until they are.", _status, StoryDisplay.ActionLabel(action, L)];
                return;
            }
            var moved = await Stories.TransitionAsync(_actor, Id, action, note, publishAt, _version);
            await ShowStoryAsync(moved);
            if (note is not null && _notes is not null)
                await _notes.ReloadAsync();
            await ApplyEditabilityAsync();
            _error = null;
            _status = L["{0}: done", StoryDisplay.ActionLabel(action, L)];
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task TakeOverAsync()
    {
        try
        {
            await Leases.TakeOverAsync(_actor, Id);
            var fresh = await Stories.GetAsync(_actor, Id);
            await ShowStoryAsync(fresh);
            _lease = LeaseStatus.Mine;
            _takenOverBy = null;
            UpdateEditable();
            if (_editor is not null)
            {
                await _editor.SetContentAsync(fresh.BodyJson);
                await _editor.SetReadOnlyAsync(!_editable);
            }
            _autosave.Reset();
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private async Task RestoreLocalDraftAsync()
    {
        if (_editor is null || _localDraft is null || !_editable)
            return;
        _form.Apply(_localDraft.Fields);
        await _editor.RestoreLocalBodyAsync();
        // Based on the version the copy was made from, so that a later save by someone else is a conflict, not an overwrite.
        _version = _localDraft.Version;
        _localDraft = null;
        _autosave.SaveAtOnce();
        _status = L["Restored from this browser — saving…"];
    }

    private async Task DiscardLocalDraftAsync()
    {
        if (_editor is null)
            return;
        await _editor.DiscardLocalDraftAsync();
        _localDraft = null;
    }

    private async Task OnNewsroomEventAsync(NewsroomEvent newsroomEvent)
    {
        if (_disposed)
            return;
        // Someone else's move calls in with their culture; the page answers in its own.
        switch (newsroomEvent)
        {
            case EditLeaseChanged lease when lease.StoryId == Id:
                await InvokeAsync(async () =>
                {
                    if (lease.TakenOver && lease.PreviousHolderId == _actor.UserId)
                    {
                        // Told at once; the unsaved text stays in the editor and in the browser's copy.
                        _takenOverBy = lease.HolderName;
                        _lease = new LeaseStatus(false, lease.HolderId, lease.HolderName);
                        UpdateEditable();
                        _autosave.Refused();
                        if (_editor is not null)
                            await _editor.SetReadOnlyAsync(true);
                    }
                    else if (lease.HolderId is null && _lease is { HeldByMe: false } && _takenOverBy is null)
                    {
                        await TakeLeaseIfEditableAsync();
                        if (_editable && _editor is not null)
                        {
                            var fresh = await Stories.GetAsync(_actor, Id);
                            await ShowStoryAsync(fresh);
                            await _editor.SetContentAsync(fresh.BodyJson);
                            await _editor.SetReadOnlyAsync(false);
                        }
                    }
                    else if (lease.HolderId is not null && lease.HolderId != _actor.UserId && _lease is { HeldByMe: false })
                    {
                        _lease = new LeaseStatus(false, lease.HolderId, lease.HolderName);
                    }
                    StateHasChanged();
                });
                break;
            case StoryStateChanged changed when changed.StoryId == Id && changed.ActorId != _actor.UserId:
                await InvokeAsync(async () =>
                {
                    await RefreshStoryAsync();
                    if (_notes is not null)
                        await _notes.ReloadAsync();
                    StateHasChanged();
                });
                break;
            case StorySaved saved when saved.StoryId == Id && saved.ActorId != _actor.UserId:
                // Readers follow the holder's saves; someone with unsaved text of their own (taken
                // over mid-sentence) keeps it on screen and in the browser's copy instead.
                await InvokeAsync(async () =>
                {
                    if (_disposed || _editable || _editor is null || _autosave.IsDirty || _takenOverBy is not null)
                        return;
                    var fresh = await Stories.GetAsync(_actor, Id);
                    await ShowStoryAsync(fresh);
                    await _editor.SetContentAsync(fresh.BodyJson);
                    StateHasChanged();
                });
                break;
        }
    }

    /// <summary>The featured photo: picked like a figure, described, with its own caption (its library caption to start with).</summary>
    private async Task ChooseFeaturedImageAsync()
    {
        var item = await PickDescribedImageAsync(L["Featured image"]);
        if (item is null || !_editable)
            return;
        _form.FeaturedMediaId = item.Id;
        if (string.IsNullOrWhiteSpace(_form.FeaturedCaption))
            _form.FeaturedCaption = item.Caption;
        await FieldChangedAsync();
    }

    private async Task RemoveFeaturedImageAsync()
    {
        _form.FeaturedMediaId = null;
        _form.FeaturedCaption = "";
        await FieldChangedAsync();
    }

    /// <summary>A revision was restored as a new one: show it; a conflict is resolved like any other.</summary>
    private async Task OnRevisionRestoredAsync(SaveResult result)
    {
        if (!result.Saved)
        {
            _error = L["{0} saved the story meanwhile; look at the latest version and restore again.", result.Conflict!.UpdatedByName];
            return;
        }
        var fresh = await Stories.GetAsync(_actor, Id);
        await ShowStoryAsync(fresh);
        if (_editor is not null)
        {
            await _editor.SetContentAsync(fresh.BodyJson);
            await _editor.DiscardLocalDraftAsync();
        }
        _autosave.Reset();
        _status = L["Restored — saved {0}", ShortTime(result.SavedAt)];
    }

    /// <summary>Re-reads state, version and checklist after a save or someone else's move.</summary>
    private async Task RefreshStoryAsync()
    {
        // The state, the rules and the checklist follow the server; the version does not: it only
        // moves with content this page holds (its own saves, a reload), or a save could overwrite
        // content it never showed.
        var fresh = await Stories.GetAsync(_actor, Id);
        _story = fresh;
        _checklist = await Stories.ChecklistAsync(fresh);
        await ApplyEditabilityAsync();
    }

    /// <summary>A time of today in the site's zone, as the person's culture writes it (<c>19:45</c>, <c>7:45 PM</c>).</summary>
    private string ShortTime(DateTime utc) => SiteTime.ToLocal(utc, Site.CurrentValue).ToString("t", CultureInfo.CurrentCulture);

    /// <summary>What the browser module writes on the page itself (labels, prompts), in the person's language.</summary>
    private StoryEditorTexts EditorTexts() => new(
        Body: L["Body"],
        Offline: L["Offline — kept in this browser"],
        Caption: L["Caption"],
        AltText: L["Alt text"],
        AltTextPlaceholder: L["Alt text (describe the image)"],
        LinkPrompt: L["Link address (https://…, http://… or mailto:…). Leave empty to remove the link."]);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _stopping.CancelAsync();
        _subscription?.Dispose();
        if (_editor is not null)
            await _editor.DisposeAsync();
        if (_lease is { HeldByMe: true })
        {
            try
            {
                await Leases.ReleaseAsync(_actor, Id);
            }
            catch (ObjectDisposedException)
            {
                // The app is shutting down; the lease lapses by itself.
            }
        }
        _stopping.Dispose();
    }
}
