using Microsoft.AspNetCore.Components.Endpoints;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Public;

namespace NewsroomEditor.Web.Components.Setup;

/// <summary>Marks the page that exists only while the app has no user (<c>/setup</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FirstRunOnlyAttribute : Attribute;

/// <summary>
/// Before the first Admin exists, every page (of the editing UI and of the public site) leads to <c>/setup</c>; afterwards
/// <c>/setup</c> answers 404. Static files, the health check and the Blazor hub are not pages and
/// pass through untouched.
/// </summary>
internal sealed class FirstRunSetupMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/setup";

    public async Task InvokeAsync(HttpContext context, IFirstRunSetup setup)
    {
        var endpoint = context.GetEndpoint();
        var isPage = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            || endpoint?.Metadata.GetMetadata<PublicSiteEndpointAttribute>() is not null;
        if (!isPage)
        {
            await next(context);
            return;
        }

        var isSetupPage = endpoint!.Metadata.GetMetadata<FirstRunOnlyAttribute>() is not null;
        var complete = await setup.IsCompleteAsync(context.RequestAborted);
        if (isSetupPage && complete)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!isSetupPage && !complete)
        {
            context.Response.Redirect(SetupPath);
            return;
        }
        await next(context);
    }
}
