using Microsoft.Extensions.Options;

namespace NewsroomEditor.Core.Configuration;

/// <summary>
/// A setting is missing or wrong. The host prints <see cref="Exception.Message"/> as one line and
/// stops, so the message must name the setting and say what it accepts.
/// </summary>
public sealed class StartupConfigurationException(string message) : Exception(message)
{
    /// <summary>
    /// The operator's one line for a start-up failure caused by a setting: this exception's
    /// message, or the failures of an options validation (one, or several found at once by
    /// <c>ValidateOnStart</c>); null for any other exception, which is a bug and keeps its stack trace.
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        StartupConfigurationException e => e.Message,
        OptionsValidationException e => string.Join(" ", e.Failures),
        AggregateException { InnerExceptions.Count: > 0 } e when e.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(" ", e.InnerExceptions.Select(i => Describe(i))),
        _ => null,
    };
}
