using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using NewsroomEditor.Web.Components.Account.Pages.Manage;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Account;
using NewsroomEditor.Web.Hosting;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] NewsroomEditor.Core.Audit.IAuditLog audit,
            [FromServices] AppAddress address,
            [FromForm] string returnUrl) =>
        {
            var signedIn = await signInManager.UserManager.GetUserAsync(user);
            await signInManager.SignOutAsync();
            // Audited directly, as sign-ins are (NewsroomSignInManager): a session ends, no account changes.
            if (signedIn is not null)
                await audit.RecordAsync(new NewsroomEditor.Core.Audit.AuditRecord(
                    NewsroomEditor.Core.Audit.AuditActions.SignedOut, signedIn.Id, signedIn.DisplayName, $"user:{signedIn.Id}", "Signed out."));
            // Signed out whatever the ReturnUrl says; one leading off the site goes to the sign-in page.
            return TypedResults.LocalRedirect("~/" + (LocalReturnUrl.ToBaseRelative(returnUrl, address.Base.AbsoluteUri) ?? "Account/Login"));
        });

        accountGroup.MapPost("/PasskeyCreationOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] IStringLocalizer<AccountText> L) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return MissingAntiforgeryToken(L);

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            var userName = await userManager.GetUserNameAsync(user) ?? "User";
            var optionsJson = await signInManager.MakePasskeyCreationOptionsAsync(new()
            {
                Id = userId,
                Name = userName,
                DisplayName = userName
            });
            return Results.Content(optionsJson, contentType: "application/json");
        });

        accountGroup.MapPost("/PasskeyRequestOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] IStringLocalizer<AccountText> L,
            [FromQuery] string? username) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return MissingAntiforgeryToken(L);

            var user = string.IsNullOrEmpty(username) ? null : await userManager.FindByNameAsync(username);
            var optionsJson = await signInManager.MakePasskeyRequestOptionsAsync(user);
            return Results.Content(optionsJson, contentType: "application/json");
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        manageGroup.MapPost("/LinkExternalLogin", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IStringLocalizer<AccountText> L,
            [FromForm] string provider) =>
        {
            // An unknown provider would make the challenge below throw: say so instead.
            var providers = await signInManager.GetExternalAuthenticationSchemesAsync();
            if (!providers.Any(p => string.Equals(p.Name, provider, StringComparison.Ordinal)))
                return Results.Text(L["'{0}' is not a sign-in provider of this site.", provider], statusCode: StatusCodes.Status400BadRequest);

            // Clear the existing external cookie to ensure a clean login process
            await context.SignOutAsync(IdentityConstants.ExternalScheme);

            var redirectUrl = UriHelper.BuildRelative(
                context.Request.PathBase,
                "/Account/Manage/ExternalLogins",
                QueryString.Create("Action", ExternalLogins.LinkLoginCallbackAction));

            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, redirectUrl, signInManager.UserManager.GetUserId(context.User));
            return Results.Challenge(properties, [provider]);
        });

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] IStringLocalizer<AccountText> L) =>
        {
            // The download is a form post of the personal-data page; without its token another
            // site could make a signed-in browser fetch it.
            if (!await antiforgery.IsRequestValidAsync(context))
                return MissingAntiforgeryToken(L);

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", userId);

            // Only include personal data for download
            var personalData = new Dictionary<string, string>();
            var personalDataProps = typeof(ApplicationUser).GetProperties().Where(
                prop => Attribute.IsDefined(prop, typeof(PersonalDataAttribute)));
            foreach (var p in personalDataProps)
            {
                personalData.Add(p.Name, p.GetValue(user)?.ToString() ?? "null");
            }

            var logins = await userManager.GetLoginsAsync(user);
            foreach (var l in logins)
            {
                personalData.Add($"{l.LoginProvider} external login provider key", l.ProviderKey);
            }

            personalData.Add("Authenticator Key", (await userManager.GetAuthenticatorKeyAsync(user))!);
            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(personalData);

            context.Response.Headers.TryAdd("Content-Disposition", "attachment; filename=PersonalData.json");
            return Results.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        });

        return accountGroup;
    }

    /// <summary>A post without the page's antiforgery token: refused with the reason, not an exception.</summary>
    private static IResult MissingAntiforgeryToken(IStringLocalizer<AccountText> L) =>
        Results.Text(L["The form's security token is missing or no longer valid; reload the page and try again."], statusCode: StatusCodes.Status400BadRequest);
}
