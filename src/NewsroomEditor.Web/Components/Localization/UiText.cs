namespace NewsroomEditor.Web.Components.Localization;

/// <summary>
/// Resources of the frame of the editing UI (app bar, navigation, dashboard, first-run setup, error
/// pages) for <c>IStringLocalizer&lt;UiText&gt;</c>. The English text in the markup is the key
/// given to the localizer; the Vietnamese is in <c>UiText.vi.resx</c> beside this file, and
/// <c>InterfaceTranslationTests</c> checks that every key used has one.
/// </summary>
public sealed class UiText;
