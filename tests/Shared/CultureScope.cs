using System.Globalization;

namespace NewsroomEditor.Tests.Support;

/// <summary>
/// Reads the interface in Vietnamese (words and formats) until disposed. The culture is set on the
/// current async flow, so it reaches the code the test awaits and is put back afterwards.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(CultureInfo culture, CultureInfo uiCulture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }

    public static CultureScope Vietnamese() => new(new CultureInfo("vi-VN"), new CultureInfo("vi"));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
