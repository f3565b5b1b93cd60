using System.Globalization;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// The culture a component was created in (its circuit's: the person's interface language and
/// formats), put back around work that someone else's action starts. The event bus calls in on the
/// publisher's flow, with the publisher's culture, and <c>InvokeAsync</c> may run the work (and the
/// render it causes) right there: without this, an editor working in English would make a
/// Vietnamese colleague's page re-render in English.
/// </summary>
public sealed class CapturedCulture
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>Switches to the captured culture until the returned scope is disposed.</summary>
    public IDisposable Use()
    {
        var scope = new Scope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        return scope;
    }

    private sealed class Scope(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
