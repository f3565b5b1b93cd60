using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Web.Components.Stories.Editing;

/// <summary>
/// One person editing one story: the version their text is based on, the edit lease (taken,
/// renewed, lost, taken over), when to save, saving before a workflow move, save conflicts, the
/// browser's copy of unsaved work and what other people's changes do to the open page. The page
/// shows its state and its dialogs; the browser and the page are reached through
/// <see cref="IStoryEditorBrowser"/> and <see cref="IStoryEditingHost"/>, the services through
/// <see cref="StoryEditingServices"/>, so the whole protocol runs in a test without a browser.
/// </summary>
/// <remarks>
/// It lives in Web, not Core: it works with the editor form, the browser copy and the browser's
/// failures (JS interop), which are the page's, and its texts are the page's.
/// </remarks>
public sealed class StoryEditingSession : IAsyncDisposable
{
    public static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    /// <summary>
    /// How long a save waits for the browser's content. A read sent into a connection that died
    /// before the server noticed is never answered; without a limit that save would hold every
    /// later one back for good.
    /// </summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Attempts at keeping mine when the other writer saves again in between; then the writer is asked again.</summary>
    private const int KeepMineAttempts = 5;

    private readonly StoryEditingServices _services;
    private readonly IStoryEditingHost _host;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<SiteOptions> _site;
    private readonly IStringLocalizer<StoriesText> L;
    private readonly AutosavePolicy _autosave;
    private readonly CancellationTokenSource _stopping = new();
    private IStoryEditorBrowser? _browser;
    private CancellationTokenSource? _saveRead;
    private DateTimeOffset _nextRenewal;
    /// <summary>A conflict is being resolved (asked, then kept or reloaded): no other save starts meanwhile.</summary>
    private bool _resolvingConflict;
    private bool _interactive;
    private bool _disposed;
    // Why the server refused the last save, if it did (a rule or a change of access), for the
    // actions that wait for a save and would otherwise only say that nothing was saved.
    private string? _saveRefusal;

    public StoryEditingSession(
        StoryEditingServices services, IStoryEditingHost host, TimeProvider clock, IOptionsMonitor<SiteOptions> site, IStringLocalizer<StoriesText> localizer)
    {
        _services = services;
        _host = host;
        _clock = clock;
        _site = site;
        L = localizer;
        _autosave = new AutosavePolicy(clock);
    }

    public Actor Actor => _services.Actor;

    public Guid StoryId => _services.StoryId;

    /// <summary>The story as the server last told it (state, rules, checklist); null until loaded, or when it may not be seen.</summary>
    public Story? Story { get; private set; }

    /// <summary>The fields as this page shows them; the browser's inputs may hold newer letters (see <see cref="ReadBrowserContentAsync"/>).</summary>
    public StoryForm Form { get; private set; } = new();

    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    public LeaseStatus? Lease { get; private set; }

    /// <summary>A copy of unsaved work the browser kept that is offered back.</summary>
    public LocalDraft? LocalDraft { get; private set; }

    /// <summary>The version the text on screen is based on: the next save expects the server to be at it.</summary>
    public int Version { get; private set; }

    public bool Editable { get; private set; }

    /// <summary>A workflow move is under way.</summary>
    public bool Busy { get; private set; }

    public string Status { get; private set; } = "";

    public string? ReadOnlyReason { get; private set; }

    public string? TakenOverBy { get; private set; }

    public string? LoadError { get; private set; }

    /// <summary>What went wrong last, shown until dismissed; the page sets its own (a refused link, an image).</summary>
    public string? Error { get; set; }

    public bool IsDirty => _autosave.IsDirty;

    public bool IsSaving => _autosave.IsSaving;

    /// <summary>
    /// Loads the story; in an interactive render also takes the lease (a prerender must not hold it
    /// for nobody). False, with <see cref="LoadError"/>, when the person may not see it.
    /// </summary>
    public async Task<bool> OpenAsync(bool interactive)
    {
        _interactive = interactive;
        Story story;
        try
        {
            story = await _services.GetAsync();
        }
        catch (DomainException e)
        {
            LoadError = e.Message;
            return false;
        }
        await ShowStoryAsync(story);
        if (interactive)
            await TakeLeaseIfEditableAsync();
        else
            UpdateEditable();
        return true;
    }

    /// <summary>The body editor could not start: nothing is editable, and the page says why.</summary>
    public void BrowserFailed(string message)
    {
        Editable = false;
        Error = message;
    }

    /// <summary>
    /// The body editor runs in the browser: its copy of unsaved work is settled. A copy that says
    /// nothing the server lacks is a leftover; anything else is offered back, and shown even while
    /// someone else edits, so the writer knows their text is safe.
    /// </summary>
    public async Task AttachAsync(IStoryEditorBrowser browser)
    {
        _browser = browser;
        _nextRenewal = _clock.GetUtcNow() + LeaseRenewal;
        var draft = await browser.GetLocalDraftAsync();
        if (draft is not null && !draft.BodyDiffers && !Form.DiffersFrom(draft.Fields))
            await browser.DiscardLocalDraftAsync();
        else if (draft is not null && Editable && draft.Version == Version)
        {
            // Made on top of exactly what the server holds (the server or the network went away
            // mid-typing): nobody's work is in the way, so it goes back and is saved at once, with
            // nothing for the writer to click. A copy made on an older version is offered instead.
            LocalDraft = draft;
            await RestoreLocalDraftAsync();
        }
        else
            LocalDraft = draft;
    }

    /// <summary>Starts the clock that saves and renews the lease (<see cref="TickAsync"/> every <see cref="Tick"/>) until disposed.</summary>
    public void Start() => _ = RunLoopAsync(_stopping.Token);

    private async Task RunLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Tick, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
                await _host.InvokeAsync(TickAsync);
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    /// <summary>One beat of the clock: saves when the autosave policy says so, renews the lease every <see cref="LeaseRenewal"/>.</summary>
    public async Task TickAsync()
    {
        if (Editable && !_resolvingConflict && _autosave.ShouldSaveNow())
            await SaveNowAsync();
        if (_clock.GetUtcNow() >= _nextRenewal)
        {
            _nextRenewal = _clock.GetUtcNow() + LeaseRenewal;
            await RenewLeaseAsync();
        }
    }

    private async Task ShowStoryAsync(Story story) => ShowStory(story, await _services.ChecklistAsync(story));

    private void ShowStory(Story story, IReadOnlyList<ChecklistItem> checklist)
    {
        Story = story;
        Form = StoryForm.From(story);
        Version = story.Version;
        Checklist = checklist;
    }

    private async Task TakeLeaseIfEditableAsync()
    {
        if (Story is null)
            return;
        Lease = Story.Allows(Actor, StoryAction.Edit) ? await _services.AcquireLeaseAsync() : null;
        UpdateEditable();
    }

    /// <summary>
    /// Re-decides whether this person edits now (rules, lease, take-over) and tells the browser
    /// module when that changed; takes the lease when the story has just become theirs to edit.
    /// </summary>
    private async Task ApplyEditabilityAsync()
    {
        if (Story is null)
            return;
        if (_interactive && TakenOverBy is null && Lease is not { HeldByMe: true } && Story.Allows(Actor, StoryAction.Edit))
            Lease = await _services.AcquireLeaseAsync();
        var before = Editable;
        UpdateEditable();
        if (before != Editable && _browser is not null)
            await _browser.SetReadOnlyAsync(!Editable);
    }

    private void UpdateEditable()
    {
        var allowed = Story is not null && Story.Allows(Actor, StoryAction.Edit);
        Editable = allowed && Lease is { HeldByMe: true } && TakenOverBy is null;
        ReadOnlyReason = allowed || Story is null
            ? null
            : StoryRules.Refusal(Actor, Story.AuthorId, Story.State, StoryAction.Edit);
    }

    private async Task RenewLeaseAsync()
    {
        if (Story is null || !Story.Allows(Actor, StoryAction.Edit) || TakenOverBy is not null)
            return;
        Lease = await _services.AcquireLeaseAsync();
        await ApplyEditabilityAsync();
        _host.Render();
    }

    /// <summary>A field the page binds changed (typed, a featured image chosen or removed).</summary>
    public void FieldChanged()
    {
        if (!Editable)
            return;
        _autosave.Changed();
        Status = L["Unsaved changes"];
    }

    /// <summary>
    /// The browser says the body changed. It says so about once a second while the writer types;
    /// the page is rendered only when that changes what it shows (the first change since a save),
    /// or every ping would send a render of the whole page back to the browser.
    /// </summary>
    public Task BodyChangedAsync() => _host.InvokeAsync(() =>
    {
        if (!Editable)
            return Task.CompletedTask;
        var shown = Status;
        var wasDirty = _autosave.IsDirty;
        _autosave.Changed();
        Status = L["Unsaved changes"];
        if (!wasDirty || Status != shown)
            _host.Render();
        return Task.CompletedTask;
    });

    /// <summary>
    /// The browser rejoined after an outage. A save under way then may have sent its read into the
    /// dead connection: it is cancelled, and what the browser holds is saved at once.
    /// </summary>
    public Task ReconnectedAsync(bool unsaved) => _host.InvokeAsync(() =>
    {
        _saveRead?.Cancel();
        if (!Editable || (!unsaved && !_autosave.IsDirty))
            return Task.CompletedTask;
        _autosave.SaveAtOnce();
        Status = L["Back online — saving…"];
        _host.Render();
        return Task.CompletedTask;
    });

    /// <summary>Saves what the writer has now; conflicts, refusals and outages are shown, never lost. A save while one runs does nothing: what changed meanwhile stays unsaved for the next.</summary>
    public Task SaveNowAsync() => SaveNowAsync(move: null);

    /// <summary>
    /// As <see cref="SaveNowAsync()"/>; with <paramref name="move"/>, the save is made by the move
    /// itself, in one call and one unit of work. Returns the move when the content was saved (moved
    /// or, with <see cref="StoryMove.Refused"/>, not), null when nothing was.
    /// </summary>
    private async Task<StoryMove?> SaveNowAsync(PendingMove? move)
    {
        if (_browser is null || !Editable || _autosave.IsSaving || _resolvingConflict)
            return null;
        _autosave.SaveStarted();
        Status = L["Saving…"];
        _host.Render();
        try
        {
            return await SaveCoreAsync(move);
        }
        finally
        {
            // Saves usually start from the timer, not from a UI event: nothing else would render the outcome.
            _host.Render();
        }
    }

    /// <summary>
    /// Saves what the writer sees before another page opens in its place (a new translation copies
    /// this one); returns why it may not open yet (a save still running, a conflict, a lost lease),
    /// or null when everything is on the server.
    /// </summary>
    public async Task<string?> SaveBeforeLeavingAsync()
    {
        _saveRefusal = null;
        if (Editable && _autosave.IsDirty)
            await SaveNowAsync();
        if (_saveRefusal is not null && _autosave.IsDirty)
            return _saveRefusal;
        return _autosave.IsDirty || _autosave.IsSaving
            ? L["Your changes are not saved yet ({0}); the new version waits until they are, so that it copies them.", Status].Value
            : null;
    }

    /// <summary>
    /// Reads what the browser holds: the body, the fields as typed (applied to a copy: the bound form
    /// is left alone, so no re-render pushes a value into an input the writer is still typing in),
    /// and the change number they correspond to. Fails after <see cref="ReadTimeout"/>, or at once when
    /// the browser rejoins (see <see cref="ReconnectedAsync"/>).
    /// </summary>
    private async Task<(StoryContent Content, long Sequence)> ReadBrowserContentAsync()
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        read.CancelAfter(ReadTimeout);
        _saveRead = read;
        try
        {
            var (json, fields, sequence) = await _browser!.ReadContentAsync(read.Token);
            var typed = Form.Copy();
            typed.Apply(fields);
            return (typed.ToContent(StoryBody.Parse(json)), sequence);
        }
        finally
        {
            if (_saveRead == read)
                _saveRead = null;
        }
    }

    private async Task<StoryMove?> SaveCoreAsync(PendingMove? move)
    {
        StoryMove? moved = null;
        try
        {
            var (content, sequence) = await ReadBrowserContentAsync();
            SaveResult result;
            if (move is null)
                result = await _services.SaveAsync(Version, content, cancellationToken: _stopping.Token);
            else
            {
                moved = await _services.MoveAsync(move.Action, move.Note, move.PublishAt, Version, content, _stopping.Token);
                result = moved.Save!;
            }
            if (result.Saved)
            {
                await SavedAsync(result, sequence);
                return moved;
            }
            _autosave.Refused();
            // Not awaited here: the dialog may stay open for minutes, and the loop that called this
            // save also keeps the edit lease alive. Saves wait while it is open (see TickAsync),
            // so one conflict asks one question.
            StartConflictResolution(result.Conflict!, content, sequence);
        }
        catch (LeaseLostException e)
        {
            _autosave.Refused();
            TakenOverBy = e.HolderName;
            UpdateEditable();
            Status = L["Not saved — kept in this browser"];
            await _browser!.SetReadOnlyAsync(true);
        }
        catch (DomainException e)
        {
            _autosave.Refused();
            Status = L["Not saved"];
            Error = e.Message;
            _saveRefusal = e.Message;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException or IOException or InvalidOperationException)
        {
            _autosave.Failed();
            Status = L["Offline — kept in this browser"];
        }
        // A move the server made stays made, even when telling the browser failed afterwards.
        return moved is { Save.Saved: true } ? moved : null;
    }

    /// <summary>A workflow move waiting on the save of the unsaved content, which it makes itself.</summary>
    private sealed record PendingMove(StoryAction Action, string? Note, DateTime? PublishAt);

    private async Task SavedAsync(SaveResult result, long sequence)
    {
        Version = result.Version;
        _autosave.Saved();
        Status = L["Saved {0}", ShortTime(result.SavedAt)];
        Error = null;
        await _browser!.MarkSavedAsync(sequence, result.Version);
        if (result.Story is { } saved)
        {
            // The save read and returned the story and its checklist in its own unit of work.
            Story = saved;
            Checklist = result.Checklist;
            await ApplyEditabilityAsync();
        }
        else
            await RefreshStoryAsync();
    }

    private void StartConflictResolution(StoryConflict conflict, StoryContent mine, long sequence)
    {
        if (_resolvingConflict)
            return;
        _resolvingConflict = true;
        _ = _host.InvokeAsync(async () =>
        {
            try
            {
                await ResolveConflictAsync(conflict, mine, sequence);
            }
            finally
            {
                _resolvingConflict = false;
                _host.Render();
            }
        });
    }

    private async Task ResolveConflictAsync(StoryConflict conflict, StoryContent mine, long sequence)
    {
        for (StoryConflict? open = conflict; open is not null;)
        {
            Status = L["Not saved — someone else saved first"];
            _host.Render();
            var choice = await _host.AskConflictAsync(open.UpdatedByName, SiteTime.Show(open.UpdatedAt, _site.CurrentValue));
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
                TakenOverBy = e.HolderName;
                UpdateEditable();
                Status = L["Not saved — kept in this browser"];
                if (_browser is not null)
                    await _browser.SetReadOnlyAsync(true);
                return;
            }
            catch (DomainException e)
            {
                Status = L["Not saved"];
                Error = e.Message;
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
            Status = L["Saving…"];
            var kept = await _services.SaveAsync(conflict.Version, mine, SaveReason.KeepMineAfterConflict);
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
            await _services.KeepAsRevisionAsync(mine);
        }
        catch (DomainException e)
        {
            Error = L["Your version could not be kept as a revision, so it stays on screen: {0}", e.Message];
            return;
        }
        Form = StoryForm.From(conflict.Theirs);
        Version = conflict.Version;
        await _browser!.SetContentAsync(conflict.Theirs.Body.ToJson());
        await _browser.DiscardLocalDraftAsync();
        _autosave.Reset();
        Status = L["Reloaded the version saved at {0}", ShortTime(conflict.UpdatedAt)];
        await RefreshStoryAsync();
    }

    /// <summary>
    /// Moves the story through the workflow (the page has asked for the note or the time). The move
    /// applies to what the writer sees: unsaved changes are saved first, by the move itself in one
    /// call, and when they cannot be (a conflict, a refusal, an outage) the move waits and the page
    /// says why.
    /// </summary>
    public async Task MoveAsync(StoryAction action, string? note, DateTime? publishAt)
    {
        if (Story is null)
            return;
        Busy = true;
        try
        {
            _saveRefusal = null;
            StoryMove? moved = null;
            if (Editable && _autosave.IsDirty)
                moved = await SaveNowAsync(new PendingMove(action, note, publishAt));
            if (moved?.Refused is { } refused)
            {
                // The changes were saved; the move itself was refused (its rules, the checklist).
                Error = refused.Message;
                return;
            }
            if (moved is null && _autosave.IsDirty)
            {
                // A save the server refused (access changed, a rule) says why; "not saved yet" would hide it.
                Error = _saveRefusal ?? L["Your changes are not saved yet ({0}); “{1}” waits until they are.", Status, StoryDisplay.ActionLabel(action, L)];
                return;
            }
            moved ??= await _services.MoveAsync(action, note, publishAt, Version);
            ShowStory(moved.Story, moved.Checklist);
            if (note is not null)
                await _host.ReloadNotesAsync();
            await ApplyEditabilityAsync();
            Error = null;
            Status = L["{0}: done", StoryDisplay.ActionLabel(action, L)];
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>An editor takes the story from whoever edits it, and edits the server's latest.</summary>
    public async Task TakeOverAsync()
    {
        try
        {
            await _services.TakeOverLeaseAsync();
            var fresh = await _services.GetAsync();
            await ShowStoryAsync(fresh);
            Lease = LeaseStatus.Mine;
            TakenOverBy = null;
            UpdateEditable();
            if (_browser is not null)
            {
                await _browser.SetContentAsync(fresh.BodyJson);
                await _browser.SetReadOnlyAsync(!Editable);
            }
            _autosave.Reset();
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
    }

    /// <summary>The browser's copy goes back on screen and is saved at once.</summary>
    public async Task RestoreLocalDraftAsync()
    {
        if (_browser is null || LocalDraft is null || !Editable)
            return;
        Form.Apply(LocalDraft.Fields);
        await _browser.RestoreLocalBodyAsync();
        // Based on the version the copy was made from, so that a later save by someone else is a conflict, not an overwrite.
        Version = LocalDraft.Version;
        LocalDraft = null;
        _autosave.SaveAtOnce();
        Status = L["Restored from this browser — saving…"];
    }

    public async Task DiscardLocalDraftAsync()
    {
        if (_browser is null)
            return;
        await _browser.DiscardLocalDraftAsync();
        LocalDraft = null;
    }

    /// <summary>What other people's changes do to the open page (subscribed to the newsroom's bus by the page).</summary>
    public async Task OnNewsroomEventAsync(NewsroomEvent newsroomEvent)
    {
        if (_disposed)
            return;
        // Someone else's move calls in with their culture; the page answers in its own.
        switch (newsroomEvent)
        {
            case EditLeaseChanged lease when lease.StoryId == StoryId:
                await _host.InvokeAsync(async () =>
                {
                    if (lease.TakenOver && lease.PreviousHolderId == Actor.UserId)
                    {
                        // Told at once; the unsaved text stays in the editor and in the browser's copy.
                        TakenOverBy = lease.HolderName;
                        Lease = new LeaseStatus(false, lease.HolderId, lease.HolderName);
                        UpdateEditable();
                        _autosave.Refused();
                        if (_browser is not null)
                            await _browser.SetReadOnlyAsync(true);
                    }
                    else if (lease.HolderId is null && Lease is { HeldByMe: false } && TakenOverBy is null)
                    {
                        await TakeLeaseIfEditableAsync();
                        if (Editable && _browser is not null)
                        {
                            var fresh = await _services.GetAsync();
                            await ShowStoryAsync(fresh);
                            await _browser.SetContentAsync(fresh.BodyJson);
                            await _browser.SetReadOnlyAsync(false);
                        }
                    }
                    else if (lease.HolderId is not null && lease.HolderId != Actor.UserId && Lease is { HeldByMe: false })
                    {
                        Lease = new LeaseStatus(false, lease.HolderId, lease.HolderName);
                    }
                    _host.Render();
                });
                break;
            case StoryStateChanged changed when changed.StoryId == StoryId && changed.ActorId != Actor.UserId:
                await _host.InvokeAsync(async () =>
                {
                    await RefreshStoryAsync();
                    await _host.ReloadNotesAsync();
                    _host.Render();
                });
                break;
            case StorySaved saved when saved.StoryId == StoryId && saved.ActorId != Actor.UserId:
                // Readers follow the holder's saves; someone with unsaved text of their own (taken
                // over mid-sentence) keeps it on screen and in the browser's copy instead.
                await _host.InvokeAsync(async () =>
                {
                    if (_disposed || Editable || _browser is null || _autosave.IsDirty || TakenOverBy is not null)
                        return;
                    var fresh = await _services.GetAsync();
                    await ShowStoryAsync(fresh);
                    await _browser.SetContentAsync(fresh.BodyJson);
                    _host.Render();
                });
                break;
        }
    }

    /// <summary>A revision was restored as a new one: show it; a conflict is resolved like any other.</summary>
    public async Task RevisionRestoredAsync(SaveResult result)
    {
        if (!result.Saved)
        {
            Error = L["{0} saved the story meanwhile; look at the latest version and restore again.", result.Conflict!.UpdatedByName];
            return;
        }
        var fresh = await _services.GetAsync();
        await ShowStoryAsync(fresh);
        if (_browser is not null)
        {
            await _browser.SetContentAsync(fresh.BodyJson);
            await _browser.DiscardLocalDraftAsync();
        }
        _autosave.Reset();
        Status = L["Restored — saved {0}", ShortTime(result.SavedAt)];
    }

    /// <summary>Re-reads state, version and checklist after a save or someone else's move.</summary>
    private async Task RefreshStoryAsync()
    {
        // The state, the rules and the checklist follow the server; the version does not: it only
        // moves with content this page holds (its own saves, a reload), or a save could overwrite
        // content it never showed.
        var fresh = await _services.GetWithChecklistAsync();
        Story = fresh.Story;
        Checklist = fresh.Checklist;
        await ApplyEditabilityAsync();
    }

    /// <summary>A time of today in the site's zone, as the person's culture writes it (<c>19:45</c>, <c>7:45 PM</c>).</summary>
    private string ShortTime(DateTime utc) => SiteTime.ToLocal(utc, _site.CurrentValue).ToString("t", CultureInfo.CurrentCulture);

    /// <summary>The page is closing: no reaction, save or renewal starts from now on.</summary>
    public Task StopAsync()
    {
        _disposed = true;
        return _stopping.CancelAsync();
    }

    /// <summary>Stops, and gives the lease back when this page held it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
            await StopAsync();
        if (Lease is { HeldByMe: true })
        {
            try
            {
                await _services.ReleaseLeaseAsync();
            }
            catch (ObjectDisposedException)
            {
                // The app is shutting down; the lease lapses by itself.
            }
        }
        _stopping.Dispose();
    }
}
