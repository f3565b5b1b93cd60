using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Localization;

namespace NewsroomEditor.Web.Tests.Localization;

/// <summary>Which language and formats a request gets: the request localization middleware with the app's options.</summary>
public sealed class InterfaceLanguagesTests
{
    [Theory]
    // Nobody signed in: the browser's language and region, else Vietnamese.
    [InlineData(null, "en-GB,vi;q=0.5", "en-GB", "en")]
    [InlineData(null, "vi-VN", "vi-VN", "vi")]
    [InlineData(null, "fr-FR", "vi", "vi")]
    // The profile's language wins; the browser's region still gives the formats when it asks for that language.
    [InlineData("en", "en-GB,vi;q=0.5", "en-GB", "en")]
    [InlineData("en", "vi-VN", "en", "en")]
    [InlineData("vi", "en-US", "vi", "vi")]
    [InlineData("vi", "fr-FR,vi-VN;q=0.8", "vi-VN", "vi")]
    public async Task A_request_gets_the_chosen_language_with_the_browsers_region(string? chosen, string acceptLanguage, string culture, string uiCulture)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = acceptLanguage;
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "user-1") };
        if (chosen is not null)
            claims.Add(new Claim(NewsroomClaims.UiLanguage, chosen));
        context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));

        var options = new RequestLocalizationOptions();
        InterfaceLanguages.Configure(options);
        string? seenCulture = null, seenUiCulture = null;
        var middleware = new RequestLocalizationMiddleware(
            _ =>
            {
                seenCulture = CultureInfo.CurrentCulture.Name;
                seenUiCulture = CultureInfo.CurrentUICulture.Name;
                return Task.CompletedTask;
            },
            Options.Create(options),
            NullLoggerFactory.Instance);

        await middleware.Invoke(context);

        Assert.Equal(culture, seenCulture);
        Assert.Equal(uiCulture, seenUiCulture);
    }
}
