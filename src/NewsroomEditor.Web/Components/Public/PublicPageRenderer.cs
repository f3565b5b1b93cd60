using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// Renders a public page's component to HTML with Blazor's <see cref="HtmlRenderer"/>: the same
/// Razor components as the rest of the app, but no router, no circuit and no Blazor script, so a
/// reader gets plain HTML whose status code, ETag and caching the endpoint decides.
/// </summary>
internal sealed class PublicPageRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
