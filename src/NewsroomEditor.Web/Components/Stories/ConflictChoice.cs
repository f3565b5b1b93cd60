namespace NewsroomEditor.Web.Components.Stories;

/// <summary>How the writer resolves a save conflict.</summary>
public enum ConflictChoice
{
    ReloadTheirs,
    KeepMine,
}
