using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Components.Localization;

/// <summary>
/// The editing UI's languages and how a request's is chosen (ASP.NET Core request localization):
/// the signed-in person's choice (<see cref="ApplicationUser.UiLanguage"/>, carried as a claim and
/// refreshed with the cookie on every request), else the browser's Accept-Language, else Vietnamese,
/// the language of the newsroom this product is built for. An interactive circuit keeps the culture
/// of the request that opened it. The public site does not follow this: its language is its URL.
/// </summary>
public static class InterfaceLanguages
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    /// <summary>The languages a person may choose, by culture code, with their own names.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } = [(Vietnamese, "Tiếng Việt"), (English, "English")];

    public static bool IsSupported(string code) => All.Any(language => language.Code == code);

    public static void Configure(RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Formatting may follow the browser's region (en-GB writes 27/11/2026), while the words come
        // from the two translated languages: every specific culture of those languages is accepted.
        var formatting = CultureInfo.GetCultures(CultureTypes.SpecificCultures | CultureTypes.NeutralCultures)
            .Where(culture => IsSupported(culture.TwoLetterISOLanguageName) && culture.Name.Length > 0)
            .ToList();
        options.DefaultRequestCulture = new RequestCulture(Vietnamese);
        options.SupportedCultures = formatting;
        options.SupportedUICultures = [.. All.Select(language => new CultureInfo(language.Code))];
        options.FallBackToParentUICultures = true;
        options.FallBackToParentCultures = true;
        options.RequestCultureProviders =
        [
            new CustomRequestCultureProvider(context => Task.FromResult(ChosenBy(context))),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }

    /// <summary>
    /// The language the signed-in person chose in their profile, with the browser's region for
    /// formats when the browser asks for the same language (English chosen, en-GB browser: British
    /// dates); null to follow the browser altogether.
    /// </summary>
    private static ProviderCultureResult? ChosenBy(HttpContext context)
    {
        var chosen = context.User.FindFirstValue(NewsroomClaims.UiLanguage);
        if (chosen is null || !IsSupported(chosen))
            return null;
        var regional = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(value => value.Value.Value)
            .FirstOrDefault(tag => tag is not null && tag.StartsWith(chosen + "-", StringComparison.OrdinalIgnoreCase));
        return new ProviderCultureResult(regional ?? chosen, chosen);
    }
}
