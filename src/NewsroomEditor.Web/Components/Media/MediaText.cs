namespace NewsroomEditor.Web.Components.Media;

/// <summary>
/// Resources of the media library and pickers for <c>IStringLocalizer&lt;MediaText&gt;</c>.
/// The English text in the markup is the key given to the localizer; the Vietnamese is in
/// <c>MediaText.vi.resx</c> beside this file, and <c>InterfaceTranslationTests</c> checks that every
/// key used has one.
/// </summary>
public sealed class MediaText;
