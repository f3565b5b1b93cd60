namespace NewsroomEditor.Core.Stories;

/// <summary>An action the workflow does not allow from the story's state, or input it cannot take.</summary>
public sealed class WorkflowException(string message, params object?[] arguments) : DomainException(message, arguments);
