namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// Resources of the stories UI (list, editor, review queue, workflow, history) for <c>IStringLocalizer&lt;StoriesText&gt;</c>.
/// The English text in the markup is the key given to the localizer; the Vietnamese is in
/// <c>StoriesText.vi.resx</c> beside this file, and <c>InterfaceTranslationTests</c> checks that every
/// key used has one.
/// </summary>
public sealed class StoriesText;
