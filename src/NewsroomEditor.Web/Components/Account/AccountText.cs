namespace NewsroomEditor.Web.Components.Account;

/// <summary>
/// Resources of the sign-in, invitation and profile pages for <c>IStringLocalizer&lt;AccountText&gt;</c>.
/// The English text in the markup is the key given to the localizer; the Vietnamese is in
/// <c>AccountText.vi.resx</c> beside this file, and <c>InterfaceTranslationTests</c> checks that every
/// key used has one.
/// </summary>
public sealed class AccountText;
