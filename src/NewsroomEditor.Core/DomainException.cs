namespace NewsroomEditor.Core;

/// <summary>
/// A rule of the newsroom refused an action. Its message is written for the person who tried,
/// so the UI shows it as it is and an endpoint answers 4xx with it.
/// </summary>
public class DomainException(string message) : Exception(message);

/// <summary>The acting user may not do this, whatever the UI showed them.</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);
