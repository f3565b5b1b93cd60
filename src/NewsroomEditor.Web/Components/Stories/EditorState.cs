namespace NewsroomEditor.Web.Components.Stories;

/// <summary>The body editor's toolbar state, as the browser module reports it.</summary>
public sealed record EditorState
{
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public bool Underline { get; init; }
    public bool Strike { get; init; }
    /// <summary>0 for a paragraph, else 2, 3 or 4.</summary>
    public int Heading { get; init; }
    public bool BulletList { get; init; }
    public bool OrderedList { get; init; }
    public bool Blockquote { get; init; }
    public bool Link { get; init; }
    public bool CanUndo { get; init; }
    public bool CanRedo { get; init; }
    public int Words { get; init; }
    public int Characters { get; init; }
}

/// <summary>A copy of unsaved work the browser kept (localStorage), as the module reports it.</summary>
public sealed record LocalDraft
{
    public int Version { get; init; }
    public long Sequence { get; init; }
    public DateTimeOffset SavedLocallyAt { get; init; }
    public Dictionary<string, string> Fields { get; init; } = [];
    /// <summary>Whether the kept body differs from the body the editor opened with.</summary>
    public bool BodyDiffers { get; init; }
}
