using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Web.Components.Stories;

namespace NewsroomEditor.Web.Tests.Stories;

public class AutosavePolicyTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 4, 11, 12, 45, 0, TimeSpan.Zero));
    private readonly AutosavePolicy _policy;

    public AutosavePolicyTests() => _policy = new AutosavePolicy(_clock);

    [Fact]
    public void Nothing_is_saved_while_nothing_changed()
    {
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(_policy.IsDirty);
        Assert.False(_policy.ShouldSaveNow());
    }

    [Fact]
    public void No_save_is_due_before_two_seconds_of_quiet()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromMilliseconds(1999));

        Assert.True(_policy.IsDirty);
        Assert.False(_policy.ShouldSaveNow());
    }

    [Fact]
    public void A_save_is_due_after_two_seconds_idle()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void Another_change_restarts_the_idle_wait()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(1.5));

        Assert.False(_policy.ShouldSaveNow());
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void While_typing_continuously_a_save_is_due_ten_seconds_after_the_first_change()
    {
        _policy.Changed();
        TimeSpan? firstDue = null;
        for (var elapsed = TimeSpan.FromMilliseconds(500); elapsed <= TimeSpan.FromSeconds(12); elapsed += TimeSpan.FromMilliseconds(500))
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            _policy.Changed();
            if (firstDue is null && _policy.ShouldSaveNow())
                firstDue = elapsed;
        }

        Assert.Equal(TimeSpan.FromSeconds(10), firstDue);
    }

    [Fact]
    public void No_second_save_is_due_while_one_is_in_progress()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());

        _policy.SaveStarted();
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(_policy.IsSaving);
        Assert.False(_policy.ShouldSaveNow());
    }

    [Fact]
    public void A_save_without_changes_meanwhile_leaves_the_story_clean()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        _policy.Saved();

        Assert.False(_policy.IsSaving);
        Assert.False(_policy.IsDirty);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(_policy.ShouldSaveNow());
    }

    [Fact]
    public void A_change_during_a_save_keeps_the_story_dirty_after_it_is_saved()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        _policy.Changed();
        _clock.Advance(TimeSpan.FromMilliseconds(200));

        _policy.Saved();

        Assert.False(_policy.IsSaving);
        Assert.True(_policy.IsDirty);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void A_refused_save_is_not_retried_until_the_next_change()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();

        _policy.Refused();

        Assert.False(_policy.IsSaving);
        Assert.True(_policy.IsDirty);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(_policy.ShouldSaveNow());

        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void A_change_made_while_a_refused_save_was_on_its_way_gets_its_own_save()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        _policy.Changed(); // perhaps the very fix of what is about to be refused

        _policy.Refused();

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void A_failed_save_is_retried_after_five_seconds()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();

        _policy.Failed();

        Assert.False(_policy.IsSaving);
        Assert.True(_policy.IsDirty);
        _clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.False(_policy.ShouldSaveNow());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void Reset_clears_unsaved_changes_refusals_and_retries()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _policy.Failed();

        _policy.Reset();

        Assert.False(_policy.IsDirty);
        Assert.False(_policy.IsSaving);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(_policy.ShouldSaveNow());

        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void Reset_after_a_refusal_lets_the_next_change_be_saved_normally()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _policy.Refused();

        _policy.Reset();

        Assert.False(_policy.IsDirty);
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void After_a_refused_save_typing_on_waits_for_quiet_instead_of_saving_at_every_keystroke()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _policy.Refused();
        _clock.Advance(TimeSpan.FromSeconds(20));

        // The writer fixes the refused input, a keystroke every 500 ms for 5 s, as the page's loop sees it.
        var attempts = TypeForFiveSecondsAnswering(_policy.Refused);

        Assert.Equal(0, attempts);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void After_a_failed_save_typing_on_does_not_retry_at_every_keystroke()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _policy.Failed();
        _clock.Advance(TimeSpan.FromSeconds(20));

        var attempts = TypeForFiveSecondsAnswering(_policy.Failed);

        Assert.Equal(0, attempts);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void After_a_failed_save_continuous_typing_is_saved_ten_seconds_after_it_resumed()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _policy.Failed();
        _clock.Advance(TimeSpan.FromSeconds(20));

        _policy.Changed();
        TimeSpan? firstDue = null;
        for (var elapsed = TimeSpan.FromMilliseconds(500); elapsed <= TimeSpan.FromSeconds(12); elapsed += TimeSpan.FromMilliseconds(500))
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            _policy.Changed();
            if (firstDue is null && _policy.ShouldSaveNow())
                firstDue = elapsed;
        }

        Assert.Equal(TimeSpan.FromSeconds(10), firstDue);
    }

    /// <summary>A change every 500 ms for 5 s; each due save is started and ends as <paramref name="outcome"/>. Returns the saves started.</summary>
    private int TypeForFiveSecondsAnswering(Action outcome)
    {
        var attempts = 0;
        for (var i = 0; i < 10; i++)
        {
            _policy.Changed();
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            if (_policy.ShouldSaveNow())
            {
                attempts++;
                _policy.SaveStarted();
                outcome();
            }
        }
        return attempts;
    }

    [Fact]
    public void When_the_browser_rejoins_the_save_is_due_at_once_despite_the_retry_wait()
    {
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _policy.Failed();
        Assert.False(_policy.ShouldSaveNow());

        _policy.SaveAtOnce();

        Assert.True(_policy.ShouldSaveNow());
    }

    [Fact]
    public void A_save_failing_after_the_browser_rejoined_keeps_the_next_save_due_at_once()
    {
        // A save whose read went into the dead connection is still under way when the browser rejoins.
        _policy.Changed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _policy.SaveStarted();
        _policy.SaveAtOnce();
        Assert.False(_policy.ShouldSaveNow()); // one save at a time

        _policy.Failed(); // the stale read is cancelled

        Assert.True(_policy.ShouldSaveNow());
        _policy.SaveStarted();
        _policy.Saved();
        Assert.False(_policy.IsDirty);
    }
}
