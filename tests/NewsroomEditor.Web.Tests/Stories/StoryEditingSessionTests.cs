using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Components.Stories.Editing;
using NewsroomEditor.Web.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Stories;

/// <summary>
/// The editing session over the real story and lease services (SQLite), its browser and page
/// faked: the test types, moves the clock, holds a save halfway, cuts the network and hands over
/// the lease, and reads what the server stored and what the writer is told.
/// </summary>
public sealed class StoryEditingSessionTests : StoryComponentTest
{
    private const string Original = "Hội nghị Ban Chấp hành";

    private Actor _lan = default!;
    private Actor _minh = default!;
    private Guid _storyId;
    private FakeBrowser _browser = default!;
    private FakePage _page = default!;
    private StoryEditingSession _session = default!;
    /// <summary>The story services' methods the session called, in order.</summary>
    private readonly List<string> _calls = [];

    [Fact]
    public async Task Typing_is_saved_once_the_writer_pauses_for_the_idle_delay_not_before()
    {
        await OpenAsync();
        Type("Hội nghị Ban Chấp hành lần thứ 15");

        Host.Clock.Advance(AutosavePolicy.IdleDelay - TimeSpan.FromMilliseconds(500));
        await _session.TickAsync();
        Assert.Equal(0, _browser.Reads);
        Assert.Equal(Original, await StoredHeadlineAsync());

        Host.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await _session.TickAsync();
        Assert.Equal("Hội nghị Ban Chấp hành lần thứ 15", await StoredHeadlineAsync());
        Assert.False(_session.IsDirty);
        Assert.StartsWith("Saved ", _session.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_change_renders_the_page_when_the_page_then_says_something_new_not_at_every_ping_while_the_writer_types()
    {
        await OpenAsync();
        var opened = _page.Renders;

        await _session.BodyChangedAsync();
        Assert.Equal("Unsaved changes", _session.Status);
        Assert.Equal(opened + 1, _page.Renders);

        // The writer types on; the browser says so about once a second, and the page says the same.
        await _session.BodyChangedAsync();
        await _session.BodyChangedAsync();
        Assert.Equal(opened + 1, _page.Renders);

        // Saved: the next change is news again.
        Host.Clock.Advance(AutosavePolicy.IdleDelay);
        await _session.TickAsync();
        Assert.StartsWith("Saved ", _session.Status, StringComparison.Ordinal);
        var saved = _page.Renders;
        await _session.BodyChangedAsync();
        Assert.Equal("Unsaved changes", _session.Status);
        Assert.Equal(saved + 1, _page.Renders);
    }

    [Fact]
    public async Task A_save_asked_for_while_one_is_under_way_starts_none_of_its_own_and_what_was_typed_meanwhile_is_saved_next()
    {
        await OpenAsync();
        Type("Bản thứ nhất");
        var hold = _browser.HoldNextRead();
        var first = _session.SaveNowAsync();
        Assert.True(_session.IsSaving);

        // Typed, and Save clicked, while the first save waits for the browser.
        Type("Bản thứ hai");
        await _session.SaveNowAsync();
        Assert.Equal(1, _browser.Reads);

        hold.SetResult();
        await first;
        Assert.Equal("Bản thứ nhất", await StoredHeadlineAsync());
        Assert.True(_session.IsDirty, "The second text was typed after the first save read the browser: it is not on the server yet.");

        Host.Clock.Advance(AutosavePolicy.IdleDelay);
        await _session.TickAsync();
        Assert.Equal("Bản thứ hai", await StoredHeadlineAsync());
        Assert.False(_session.IsDirty);
        Assert.Equal(2, _browser.Reads);
        // Each save told the browser which of its changes the server holds, in order.
        Assert.Equal(new long[] { 1, 2 }, _browser.MarkedSaved.Select(m => m.Sequence));
    }

    [Fact]
    public async Task A_move_whose_save_first_meets_a_conflict_does_not_happen_and_the_conflict_is_asked()
    {
        await OpenAsync();
        Type("Của Lan");
        await MinhSavesAfterLansLeaseLapsedAsync("Của Minh");
        var answer = _page.NextAnswer();

        await _session.MoveAsync(StoryAction.Submit, note: null, publishAt: null);

        Assert.Equal(StoryState.Draft, (await StoredAsync()).State);
        Assert.Equal(new[] { "Trần Minh" }, _page.Asked);
        Assert.Contains("waits until they are", _session.Error, StringComparison.Ordinal);
        Assert.Equal("Của Minh", await StoredHeadlineAsync());

        // Lan keeps hers: it is saved on top of Minh's, and the move can go on.
        answer.SetResult(ConflictChoice.KeepMine);
        await _page.DispatchedAsync();
        Assert.Equal("Của Lan", await StoredHeadlineAsync());
        await _session.MoveAsync(StoryAction.Submit, note: null, publishAt: null);
        Assert.Equal(StoryState.InReview, (await StoredAsync()).State);
    }

    [Fact]
    public async Task A_move_with_unsaved_changes_saves_them_and_moves_in_one_service_call()
    {
        await OpenAsync();
        Type("Sửa ngay trước khi gửi");
        _calls.Clear();

        await _session.MoveAsync(StoryAction.Submit, note: null, publishAt: null);

        Assert.Equal(new[] { nameof(IStoryWorkflow.MoveAsync) }, _calls);
        var stored = await StoredAsync();
        Assert.Equal(StoryState.InReview, stored.State);
        Assert.Equal("Sửa ngay trước khi gửi", stored.Headline);
        Assert.False(_session.IsDirty);
        Assert.Null(_session.Error);
        Assert.Equal(StoryState.InReview, _session.Story!.State);
        Assert.Equal(stored.Version, _session.Version);
        // The browser hears which of its changes the server holds, as after any save.
        Assert.Equal(new long[] { 1 }, _browser.MarkedSaved.Select(m => m.Sequence));
    }

    [Fact]
    public async Task A_conflict_on_a_move_with_unsaved_changes_costs_one_service_call_and_is_asked_as_a_save_conflict()
    {
        await OpenAsync();
        Type("Của Lan");
        await MinhSavesAfterLansLeaseLapsedAsync("Của Minh");
        _page.NextAnswer();
        _calls.Clear();

        await _session.MoveAsync(StoryAction.Submit, note: null, publishAt: null);

        Assert.Equal(new[] { nameof(IStoryWorkflow.MoveAsync) }, _calls);
        Assert.Equal(StoryState.Draft, (await StoredAsync()).State);
        Assert.Equal("Của Minh", await StoredHeadlineAsync());
        Assert.Equal(new[] { "Trần Minh" }, _page.Asked);
        Assert.Equal("Not saved — someone else saved first", _session.Status);
        Assert.True(_session.IsDirty);
        Assert.Contains("waits until they are", _session.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_take_over_during_a_save_stores_nothing_of_the_old_holder_keeps_their_text_and_makes_the_page_read_only()
    {
        await OpenAsync();
        Type("Câu đang viết dở");
        var hold = _browser.HoldNextRead();
        var saving = _session.SaveNowAsync();

        await Host.InScopeAsync(sp => sp.As(_minh).GetRequiredService<EditLeaseService>().TakeOverAsync(_storyId));
        // What the bus brings the page, while its save still waits for the browser.
        await _session.OnNewsroomEventAsync(new EditLeaseChanged(_storyId, _minh.UserId, _minh.DisplayName, _lan.UserId, TakenOver: true, DateTime.UtcNow));
        hold.SetResult();
        await saving;

        Assert.Equal(Original, await StoredHeadlineAsync());
        Assert.Equal("Trần Minh", _session.TakenOverBy);
        Assert.False(_session.Editable);
        Assert.True(_browser.ReadOnly);
        Assert.True(_session.IsDirty);
        Assert.False(_browser.DraftDiscarded);
        Assert.Equal("Not saved — kept in this browser", _session.Status);

        // A save of Minh's reaches the page; Lan's unsaved text stays on her screen, and nothing of hers is sent again.
        await _session.OnNewsroomEventAsync(new StorySaved(_storyId, 9, _minh.UserId, _minh.DisplayName, IsCorrection: false, DateTime.UtcNow));
        Host.Clock.Advance(AutosavePolicy.MaxDelay);
        await _session.TickAsync();
        Assert.Equal(0, _browser.ContentReplaced);
        Assert.Equal(1, _browser.Reads);
    }

    [Fact]
    public async Task Offline_the_save_fails_and_the_text_stays_in_the_browser_and_once_back_it_is_saved_at_once()
    {
        await OpenAsync();
        Type("Viết khi mất mạng");
        _browser.Offline = true;

        Host.Clock.Advance(AutosavePolicy.IdleDelay);
        await _session.TickAsync();
        Assert.Equal("Offline — kept in this browser", _session.Status);
        Assert.True(_session.IsDirty);
        Assert.False(_browser.DraftDiscarded);
        Assert.Equal(Original, await StoredHeadlineAsync());

        _browser.Offline = false;
        await _session.ReconnectedAsync(unsaved: true);
        Assert.Equal("Back online — saving…", _session.Status);
        // Due at once: no idle wait, no retry delay left over from the outage.
        await _session.TickAsync();
        Assert.Equal("Viết khi mất mạng", await StoredHeadlineAsync());
        Assert.False(_session.IsDirty);
        Assert.StartsWith("Saved ", _session.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lease_lost_while_typing_stops_the_saves_keeps_the_text_and_says_who_has_the_story()
    {
        await OpenAsync();
        Type("Những chữ đầu");
        // The writer's lease lapsed (the laptop slept); an editor opened the story and holds it now.
        Host.Clock.Advance(EditLeaseService.Duration + TimeSpan.FromSeconds(1));
        Assert.True((await Host.InScopeAsync(sp => sp.As(_minh).GetRequiredService<EditLeaseService>().AcquireAsync(_storyId))).HeldByMe);
        Type("Những chữ đầu và tiếp theo");

        await _session.TickAsync();

        Assert.Equal(Original, await StoredHeadlineAsync());
        Assert.Equal("Trần Minh", _session.TakenOverBy);
        Assert.False(_session.Editable);
        Assert.True(_browser.ReadOnly);
        Assert.True(_session.IsDirty);
        Assert.False(_browser.DraftDiscarded);
        Assert.Equal("Not saved — kept in this browser", _session.Status);

        // Further keys change nothing the session would send.
        Type("Những chữ đầu và tiếp theo nữa");
        Host.Clock.Advance(AutosavePolicy.MaxDelay);
        await _session.TickAsync();
        Assert.Equal(1, _browser.Reads);
    }

    /// <summary>Lan's lease lapses (the laptop slept); Minh takes the story, saves <paramref name="headline"/> and closes it.</summary>
    private async Task MinhSavesAfterLansLeaseLapsedAsync(string headline)
    {
        Host.Clock.Advance(EditLeaseService.Duration + TimeSpan.FromSeconds(1));
        await Host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var leases = sp.As(_minh).GetRequiredService<EditLeaseService>();
            Assert.True((await leases.AcquireAsync(_storyId)).HeldByMe);
            var theirs = await stories.GetAsync(_minh, _storyId);
            var content = StoryForm.From(theirs);
            content.Headline = headline;
            Assert.True((await stories.SaveAsync(_minh, _storyId, theirs.Version, content.ToContent(StoryBody.Parse(theirs.BodyJson)))).Saved);
            await leases.ReleaseAsync(_storyId);
        });
    }

    private async Task OpenAsync()
    {
        _lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        _minh = await Host.UserAsync(SignIn("Trần Minh", Roles.Editor));
        // The page is Lan's: the circuit's signed-in person is who the services act as.
        SignIn("Hoàng Lan", Roles.Reporter);
        _storyId = await Host.WriteStoryAsync(_lan, Original);
        var story = await Host.StoriesAsync(stories => stories.GetAsync(_lan, _storyId));
        Host.AddTo(Services);
        _browser = new FakeBrowser(story.BodyJson);
        _page = new FakePage();
        _session = new StoryEditingSession(
            new StoryEditingServices(
                CountedCalls<IStoryQueries>.Of(Services.GetRequiredService<IStoryQueries>(), _calls),
                CountedCalls<IStoryWriting>.Of(Services.GetRequiredService<IStoryWriting>(), _calls),
                CountedCalls<IStoryWorkflow>.Of(Services.GetRequiredService<IStoryWorkflow>(), _calls),
                Services.GetRequiredService<EditLeaseService>(), _lan, _storyId),
            _page, Host.Clock, Host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>(), Services.GetRequiredService<IStringLocalizer<StoriesText>>());
        Assert.True(await _session.OpenAsync(interactive: true));
        await _session.AttachAsync(_browser);
        Assert.True(_session.Editable);
    }

    /// <summary>A key in the headline: the browser's input has it at once; the page hears of it as its binding does.</summary>
    private void Type(string headline)
    {
        _browser.Type(StoryForm.Fields.Headline, headline);
        _session.FieldChanged();
    }

    private Task<Story> StoredAsync() => Host.StoriesAsync(stories => stories.GetAsync(_lan, _storyId));

    private async Task<string> StoredHeadlineAsync() => (await StoredAsync()).Headline;

    /// <summary>The browser module: what was typed, its change numbers, its local copy; reads can be held or fail as a dead connection does.</summary>
    private sealed class FakeBrowser(string bodyJson) : IStoryEditorBrowser
    {
        private readonly Dictionary<string, string> _fields = [];
        private long _sequence;
        private TaskCompletionSource? _hold;

        public int Reads { get; private set; }
        public bool Offline { get; set; }
        public bool ReadOnly { get; private set; }
        public bool DraftDiscarded { get; private set; }
        public int ContentReplaced { get; private set; }
        public List<(long Sequence, int Version)> MarkedSaved { get; } = [];

        public void Type(string field, string value)
        {
            _fields[field] = value;
            _sequence++;
        }

        /// <summary>The next read takes what the browser has at once but answers only when the test says.</summary>
        public TaskCompletionSource HoldNextRead() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<(string Json, IReadOnlyDictionary<string, string> Fields, long Sequence)> ReadContentAsync(CancellationToken cancellationToken = default)
        {
            Reads++;
            if (Offline)
                throw new JSDisconnectedException("The circuit is disconnected.");
            var read = (bodyJson, (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(_fields), _sequence);
            if (_hold is { } hold)
            {
                _hold = null;
                await hold.Task.WaitAsync(cancellationToken);
            }
            return read;
        }

        public ValueTask MarkSavedAsync(long sequence, int version)
        {
            MarkedSaved.Add((sequence, version));
            return ValueTask.CompletedTask;
        }

        public ValueTask<LocalDraft?> GetLocalDraftAsync() => ValueTask.FromResult<LocalDraft?>(null);

        public ValueTask<bool> RestoreLocalBodyAsync() => ValueTask.FromResult(true);

        public ValueTask DiscardLocalDraftAsync()
        {
            DraftDiscarded = true;
            return ValueTask.CompletedTask;
        }

        public ValueTask SetContentAsync(string json)
        {
            bodyJson = json;
            ContentReplaced++;
            return ValueTask.CompletedTask;
        }

        public ValueTask SetReadOnlyAsync(bool readOnly)
        {
            ReadOnly = readOnly;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A story service that notes the name of every method called on it, then calls the real one.</summary>
    public class CountedCalls<T> : DispatchProxy where T : class
    {
        private T _inner = default!;
        private List<string> _calls = default!;

        public static T Of(T inner, List<string> calls)
        {
            var proxy = Create<T, CountedCalls<T>>();
            var counted = (CountedCalls<T>)(object)proxy;
            counted._inner = inner;
            counted._calls = calls;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            _calls.Add(targetMethod.Name);
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }

    /// <summary>The page: runs dispatched work at once (and keeps it to be awaited), answers conflict questions when the test does.</summary>
    private sealed class FakePage : IStoryEditingHost
    {
        private readonly List<Task> _dispatched = [];
        private TaskCompletionSource<ConflictChoice?>? _answer;

        public List<string> Asked { get; } = [];

        public TaskCompletionSource<ConflictChoice?> NextAnswer() =>
            _answer = new TaskCompletionSource<ConflictChoice?>(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task DispatchedAsync() => Task.WhenAll(_dispatched);

        public Task InvokeAsync(Func<Task> work)
        {
            var task = work();
            _dispatched.Add(task);
            return task;
        }

        /// <summary>How often the session asked for the page to be rendered.</summary>
        public int Renders { get; private set; }

        public void Render() => Renders++;

        public Task<ConflictChoice?> AskConflictAsync(string updatedByName, string updatedAt)
        {
            Asked.Add(updatedByName);
            return _answer?.Task ?? Task.FromResult<ConflictChoice?>(null);
        }

        public Task ReloadNotesAsync() => Task.CompletedTask;
    }
}
