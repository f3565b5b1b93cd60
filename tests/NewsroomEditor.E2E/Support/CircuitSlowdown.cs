using Microsoft.AspNetCore.SignalR;

namespace NewsroomEditor.E2E.Support;

/// <summary>
/// Makes the server slow for the tests that need it: every message from a browser to its circuit
/// (an input event, a JS call's answer, a render acknowledgement) waits <see cref="Delay"/> before it
/// is handled. A connection's messages are handled one at a time, so they queue up as on a busy
/// server. Off (zero) unless a test turns it on.
/// </summary>
public sealed class CircuitSlowdown : IHubFilter
{
    public TimeSpan Delay { get; set; }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var delay = Delay;
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay);
        return await next(invocationContext);
    }
}
