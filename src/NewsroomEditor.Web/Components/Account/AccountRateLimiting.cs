using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Configuration;

namespace NewsroomEditor.Web.Components.Account;

/// <summary>Settings under <c>Security:RateLimit</c>: how many account form posts one client address may make.</summary>
public sealed class AccountRateLimitOptions
{
    public const string SectionName = "Security:RateLimit";

    /// <summary>Posts allowed per client address and page within <see cref="WindowSeconds"/>; 0 switches the limit off.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>The length of the fixed window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>What is wrong with these settings, naming the setting; null when nothing is.</summary>
    internal string? Problem()
    {
        if (PermitLimit < 0)
            return $"{SectionName}:PermitLimit is {PermitLimit}; it must be 0 (no limit) or a positive number of posts.";
        if (WindowSeconds <= 0)
            return $"{SectionName}:WindowSeconds is {WindowSeconds}; it must be a positive number of seconds.";
        return null;
    }
}

/// <summary>
/// Limits, per client address and page, the form posts that guess or spend something: signing in
/// (password, passkey, authenticator and recovery codes), asking for a password reset or a
/// confirmation mail, setting a new password and accepting an invitation. Account lockout stops
/// guessing one account's password; this stops one client trying many accounts, or filling
/// mailboxes. A refused post gets 429 with a Retry-After header and a message in the interface language.
/// </summary>
public static class AccountRateLimiting
{
    /// <summary>The pages whose POSTs are limited.</summary>
    public static readonly IReadOnlySet<string> LimitedPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
        "/Account/ForgotPassword",
        "/Account/ResendEmailConfirmation",
        "/Account/ResetPassword",
        "/Account/AcceptInvitation",
    };

    public static IHostApplicationBuilder AddNewsroomRateLimiting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AccountRateLimitOptions>()
            .BindSettings(builder.Configuration.GetSection(AccountRateLimitOptions.SectionName),
                "A Security:RateLimit:* setting is not a whole number; see appsettings.sample.json.")
            .Check(settings => settings.Problem())
            .ValidateOnStart();

        builder.Services.AddRateLimiter(_ => { });
        // The limiter reads the settings once they are checked (start-up validates them first).
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountRateLimitOptions>>((options, checkedSettings) =>
        {
            var settings = checkedSettings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (settings.PermitLimit == 0 || !HttpMethods.IsPost(context.Request.Method)
                    || !LimitedPaths.Contains(context.Request.Path.Value ?? ""))
                    return RateLimitPartition.GetNoLimiter("");
                // Behind a reverse proxy this is the proxy's address unless forwarded headers are
                // enabled (README, "IP address").
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(
                    $"{client} {context.Request.Path.Value!.ToUpperInvariant()}",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : settings.WindowSeconds;
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                var L = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AccountText>>();
                await response.WriteAsync(L["Too many attempts from your address. Try again in {0} seconds.", seconds], cancellationToken);
            };
        });
        return builder;
    }

    /// <summary>After request localization, so that the refusal is in the reader's language.</summary>
    public static IApplicationBuilder UseNewsroomRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();
}
