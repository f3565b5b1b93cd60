namespace NewsroomEditor.Core.Configuration;

/// <summary>
/// A setting is missing or wrong. The host prints <see cref="Exception.Message"/> as one line and
/// stops, so the message must name the setting and say what it accepts.
/// </summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
