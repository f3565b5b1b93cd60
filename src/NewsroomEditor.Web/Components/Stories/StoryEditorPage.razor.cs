using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Components.Stories.Editing;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// The story editor: fields, the Tiptap body, the workflow buttons, the checklist and the dialogs.
/// Editing itself (version, lease, autosave, conflicts, the browser's copy, other people's changes)
/// is the <see cref="StoryEditingSession"/>'s; this page shows its state and asks what it needs.
/// </summary>
public sealed partial class StoryEditorPage : IStoryEditingHost
{
    /// <summary>Where figures in the editor load their image from (the asset's smallest JPEG); never stored in the body.</summary>
    public const string MediaPreviewUrl = "/media/preview/{id}";

    private ElementReference _host;
    private StoryEditorJs? _editor;
    private NotesPanel? _notes;
    private IDisposable? _subscription;
    private Actor _actor = default!;
    private StoryEditingSession _session = default!;
    private ConflictPrompt _conflicts = default!;
    private IReadOnlyList<Section> _sections = [];
    private EditorState _editorState = new();

    /// <summary>The headline as typed so far, for the title (empty before the story loads).</summary>
    private string Headline => _session?.Form.Headline ?? "";

    [Parameter] public Guid Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private IStoryQueries Queries { get; set; } = default!;
    [Inject] private IStoryWriting Writing { get; set; } = default!;
    [Inject] private IStoryWorkflow Workflow { get; set; } = default!;
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
        _conflicts = new ConflictPrompt(Dialogs, L);
        _actor = Actor.From((await AuthenticationState).User);
        _session = new StoryEditingSession(new StoryEditingServices(Queries, Writing, Workflow, Leases, _actor, Id), this, Clock, Site, L);
        // Only an interactive render takes the lease: a prerender must not hold it for nobody.
        if (!await _session.OpenAsync(RendererInfo.IsInteractive))
            return;
        _sections = await Sections.ListAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _session.Story is null || !RendererInfo.IsInteractive)
            return;

        try
        {
            // A module specifier must be a path: "./" makes the fingerprinted asset name one.
            _editor = await StoryEditorJs.CreateAsync(
                JS, "./" + Assets["js/story-editor.js"], _host,
                new StoryEditorOptions(Id.ToString(), _session.Story.BodyJson, _session.Version, !_session.Editable, MediaPreviewUrl, EditorTexts()),
                OnEditorStateChangedAsync, _session.BodyChangedAsync, _session.ReconnectedAsync, OnLinkRequestedAsync);
        }
        catch (JSException e)
        {
            _session.BrowserFailed(L["The body editor could not start in this browser: {0}", e.Message.Split('\n')[0]]);
            StateHasChanged();
            return;
        }
        _subscription = Events.Subscribe(_session.OnNewsroomEventAsync);
        await _session.AttachAsync(_editor);
        _session.Start();
        StateHasChanged();
    }

    Task IStoryEditingHost.InvokeAsync(Func<Task> work) => InvokeAsync(work);

    void IStoryEditingHost.Render() => StateHasChanged();

    Task<ConflictChoice?> IStoryEditingHost.AskConflictAsync(string updatedByName, string updatedAt) => _conflicts.AskAsync(updatedByName, updatedAt);

    Task IStoryEditingHost.ReloadNotesAsync() => _notes?.ReloadAsync() ?? Task.CompletedTask;

        private Task SaveNowAsync() => _session.SaveNowAsync();

    private Task<string?> SaveBeforeLeavingAsync() => _session.SaveBeforeLeavingAsync();

    private Task TakeOverAsync() => _session.TakeOverAsync();

    private Task RestoreLocalDraftAsync() => _session.RestoreLocalDraftAsync();

    private Task DiscardLocalDraftAsync() => _session.DiscardLocalDraftAsync();

    private Task OnRevisionRestoredAsync(SaveResult result) => _session.RevisionRestoredAsync(result);

    private Task OnEditorStateChangedAsync(EditorState state) => InvokeAsync(() =>
    {
        _editorState = state;
        StateHasChanged();
    });

    private async Task RunCommandAsync((EditorCommand Command, int Level) request)
    {
        if (_editor is null || !_session.Editable)
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
        await EditLinkAsync(null);
    }

    /// <summary>Ctrl-K in the body: the toolbar's link dialog, with the link under the cursor to change.</summary>
    private Task OnLinkRequestedAsync(string current) => InvokeAsync(async () =>
    {
        if (_editor is null || !_session.Editable)
            return;
        await EditLinkAsync(current);
        StateHasChanged();
    });

    /// <summary>The one link dialog, from the toolbar's button and from Ctrl-K; the browser module checks the address too.</summary>
    private async Task EditLinkAsync(string? current)
    {
        var dialog = await Dialogs.ShowAsync<LinkDialog>(L["Link"], new DialogParameters<LinkDialog> { { d => d.Href, current } });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string href } && !await _editor!.CommandAsync("link", href))
            _session.Error = L["Links must be full http://, https:// or mailto: addresses."];
        await _editor!.FocusAsync();
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
        if (_editor is not null && _session.Editable)
            await _editor.FocusAsync();
    }

    private async Task PlaceFigureAsync(MediaItem item)
    {
        // The dialogs were awaited: the page may have become read-only (taken over) meanwhile.
        if (_editor is null || !_session.Editable)
            return;
        if (!await _editor.CommandAsync(EditorCommand.InsertImage.ModuleName(), new { mediaId = item.Id.ToString(), alt = item.AltText, caption = item.Caption }))
            _session.Error = L["The image could not be inserted here."];
    }

    private async Task RunActionAsync(StoryAction action)
    {
        if (_session.Story is null)
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
        await _session.MoveAsync(action, note, publishAt);
    }

    /// <summary>The featured photo: picked like a figure, described, with its own caption (its library caption to start with).</summary>
    private async Task ChooseFeaturedImageAsync()
    {
        var item = await PickDescribedImageAsync(L["Featured image"]);
        if (item is null || !_session.Editable)
            return;
        _session.Form.FeaturedMediaId = item.Id;
        if (string.IsNullOrWhiteSpace(_session.Form.FeaturedCaption))
            _session.Form.FeaturedCaption = item.Caption;
        _session.FieldChanged();
    }

    private void RemoveFeaturedImageAsync()
    {
        _session.Form.FeaturedMediaId = null;
        _session.Form.FeaturedCaption = "";
        _session.FieldChanged();
    }

    /// <summary>What the browser module writes on the page itself (labels, prompts), in the person's language.</summary>
    private StoryEditorTexts EditorTexts() => new(
        Body: L["Body"],
        Offline: L["Offline — kept in this browser"],
        Caption: L["Caption"],
        AltText: L["Alt text"],
        AltTextPlaceholder: L["Alt text (describe the image)"]);

    public async ValueTask DisposeAsync()
    {
        if (_session is null)
            return;
        await _session.StopAsync();
        _subscription?.Dispose();
        if (_editor is not null)
            await _editor.DisposeAsync();
        await _session.DisposeAsync();
    }
}
