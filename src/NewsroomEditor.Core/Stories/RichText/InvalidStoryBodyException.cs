namespace NewsroomEditor.Core.Stories.RichText;

/// <summary>
/// The story body sent by a client does not fit the body schema. The message says what and where
/// ("Body: node 3.1 'image' is not allowed.") in words a reporter can act on; it never echoes
/// raw client input beyond a short, plain node or mark name.
/// </summary>
public sealed class InvalidStoryBodyException(string message, params object?[] arguments) : DomainException(message, arguments);
