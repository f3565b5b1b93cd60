using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>The admin pages over the real Core services (StoryTestHost), rendered with bUnit.</summary>
public abstract class AdminComponentTest : StoryComponentTest
{
    protected AdminComponentTest()
    {
        // Resolved when first rendered: the host starts in InitializeAsync, after this constructor.
        // Their scope holds nothing disposable (the services take short-lived contexts from the factory),
        // and acts as the person the test signed in: the host's actor source follows this context's
        // authentication (StoryComponentTest), as a circuit's CurrentActor follows its own.
        Services.AddScoped(_ => Host.Services.CreateScope().ServiceProvider.GetRequiredService<ISectionAdministration>());
        Services.AddScoped(_ => Host.Services.CreateScope().ServiceProvider.GetRequiredService<ISiteSettingsAdministration>());
    }

    /// <summary>The input that a MudBlazor field's label names.</summary>
    protected static IElement Field<T>(IRenderedComponent<T> page, string label)
        where T : IComponent
    {
        var labelElement = page.FindAll("label").Single(l => l.TextContent.Trim().TrimEnd('*').Trim() == label);
        return page.Find($"#{labelElement.GetAttribute("for")}");
    }

    protected static IElement Button<T>(IRenderedComponent<T> page, string text)
        where T : IComponent =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
