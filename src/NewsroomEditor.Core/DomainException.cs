using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core;

/// <summary>
/// A rule of the newsroom refused an action. Its message is written for the person who tried,
/// so the UI shows it as it is and an endpoint answers 4xx with it. The message is given in
/// English with <c>{0}</c>-style placeholders and put into the person's interface language
/// (<see cref="DomainText"/>) when the exception is made.
/// </summary>
public class DomainException(string message, params object?[] arguments) : Exception(DomainText.Format(message, arguments));

/// <summary>The acting user may not do this, whatever the UI showed them.</summary>
public sealed class AccessDeniedException(string message, params object?[] arguments) : DomainException(message, arguments);
