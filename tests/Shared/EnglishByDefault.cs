using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsroomEditor.Tests.Support;

/// <summary>
/// The tests read the interface in English (its keys) whatever the machine's locale; a test of the
/// Vietnamese interface sets <see cref="CultureInfo.CurrentUICulture"/> itself (it flows with async code).
/// </summary>
internal static class EnglishByDefault
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
    }
}
