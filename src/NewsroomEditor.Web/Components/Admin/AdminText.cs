namespace NewsroomEditor.Web.Components.Admin;

/// <summary>
/// Resources of the admin pages (users, sections, settings, audit log) for <c>IStringLocalizer&lt;AdminText&gt;</c>.
/// The English text in the markup is the key given to the localizer; the Vietnamese is in
/// <c>AdminText.vi.resx</c> beside this file, and <c>InterfaceTranslationTests</c> checks that every
/// key used has one.
/// </summary>
public sealed class AdminText;
