namespace NewsroomEditor.Web.Components.Stories;

/// <summary>The body editor's commands; <see cref="EditorCommandNames.ModuleName"/> is the name the browser module knows.</summary>
public enum EditorCommand
{
    Bold,
    Italic,
    Underline,
    Strike,
    Heading,
    Paragraph,
    BulletList,
    OrderedList,
    Blockquote,
    HorizontalRule,
    Link,
    /// <summary>Handled by the page (picker, then alt text); the module's command is <c>insertFigure</c>.</summary>
    InsertImage,
    Undo,
    Redo,
}

public static class EditorCommandNames
{
    public static string ModuleName(this EditorCommand command) => command switch
    {
        EditorCommand.Bold => "bold",
        EditorCommand.Italic => "italic",
        EditorCommand.Underline => "underline",
        EditorCommand.Strike => "strike",
        EditorCommand.Heading => "heading",
        EditorCommand.Paragraph => "paragraph",
        EditorCommand.BulletList => "bulletList",
        EditorCommand.OrderedList => "orderedList",
        EditorCommand.Blockquote => "blockquote",
        EditorCommand.HorizontalRule => "horizontalRule",
        EditorCommand.Link => "link",
        EditorCommand.InsertImage => "insertFigure",
        EditorCommand.Undo => "undo",
        EditorCommand.Redo => "redo",
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
