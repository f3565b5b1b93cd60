namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// When the editor saves by itself: about <see cref="IdleDelay"/> after typing stops, and at least
/// every <see cref="MaxDelay"/> while typing goes on, one save at a time. A refused save (bad input)
/// is not retried until something changes; a failed one (server away) is retried.
/// </summary>
public sealed class AutosavePolicy(TimeProvider clock)
{
    public static readonly TimeSpan IdleDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private DateTimeOffset? _firstUnsavedChange;
    /// <summary>Where the <see cref="MaxDelay"/> wait starts: the first change since the last save attempt.</summary>
    private DateTimeOffset? _maxDelayFrom;
    private DateTimeOffset _lastChange;
    private DateTimeOffset? _retryAfter;
    private long _changes;
    private long _changesAtSaveStart;
    private bool _refused;
    private bool _atOnce;

    /// <summary>Something the server does not have yet.</summary>
    public bool IsDirty => _firstUnsavedChange is not null;

    public bool IsSaving { get; private set; }

    public void Changed()
    {
        var now = clock.GetUtcNow();
        _changes++;
        _lastChange = now;
        _firstUnsavedChange ??= now;
        _maxDelayFrom ??= now;
        _refused = false;
        _retryAfter = null;
    }

    public bool ShouldSaveNow()
    {
        if (!IsDirty || IsSaving || _refused)
            return false;
        if (_atOnce)
            return true;
        var now = clock.GetUtcNow();
        if (_retryAfter is { } retry && now < retry)
            return false;
        return now - _lastChange >= IdleDelay || (_maxDelayFrom is { } from && now - from >= MaxDelay);
    }

    public void SaveStarted()
    {
        IsSaving = true;
        _atOnce = false;
        _changesAtSaveStart = _changes;
    }

    /// <summary>Stored: clean, unless something changed while the save was on its way.</summary>
    public void Saved()
    {
        IsSaving = false;
        _firstUnsavedChange = _changes == _changesAtSaveStart ? null : clock.GetUtcNow();
        _maxDelayFrom = _firstUnsavedChange;
    }

    /// <summary>Refused by a rule: wait for the writer to change something.</summary>
    public void Refused()
    {
        IsSaving = false;
        // A change made while the refused save was on its way may be the fix: it gets its own try.
        _refused = _changes == _changesAtSaveStart;
        _maxDelayFrom = null;
    }

    /// <summary>Could not reach the server: keep the changes, try again shortly.</summary>
    public void Failed()
    {
        IsSaving = false;
        _retryAfter = clock.GetUtcNow() + RetryDelay;
        _maxDelayFrom = null;
    }

    /// <summary>
    /// The browser is back (a rejoined circuit, or a new one over a copy the server lacks): what it
    /// holds is due at once, without the idle wait or a retry delay still running from the outage.
    /// Holds until a save starts, so a save that fails right then does not cancel it.
    /// </summary>
    public void SaveAtOnce()
    {
        Changed();
        _atOnce = true;
    }

    /// <summary>The content was replaced from elsewhere (theirs reloaded): nothing to save.</summary>
    public void Reset()
    {
        IsSaving = false;
        _firstUnsavedChange = null;
        _maxDelayFrom = null;
        _refused = false;
        _retryAfter = null;
        _atOnce = false;
    }
}
