using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts.Email;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// People: <c>Security:*</c>, <c>Accounts:*</c>, <c>Email:*</c>, <c>Seed:*</c>, Identity's stores,
/// the first-run setup, users and invitations (Admin only), sessions and the account e-mails.
/// </summary>
public static class AccountsHostingExtensions
{
    public static IdentityBuilder AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SecurityOptions>()
            .BindSettings(configuration.GetSection(SecurityOptions.SectionName), "A Security:* setting is not a whole number; see appsettings.sample.json.")
            .Check(security => security.Problem())
            .ValidateOnStart();
        services.AddOptions<AccountOptions>()
            .BindSettings(configuration.GetSection(AccountOptions.SectionName), "Accounts:InvitationDays is not a whole number; see appsettings.sample.json.")
            .Check(accounts => accounts.InvitationDays is <= 0 or > 365
                ? $"Accounts:InvitationDays is {accounts.InvitationDays}; it must be a number of days from 1 to 365."
                : null)
            .ValidateOnStart();
        services.AddOptions<EmailOptions>()
            .BindSettings(configuration.GetSection(EmailOptions.SectionName),
                "Email:SmtpPort must be a whole number and Email:UseStartTls true or false; see appsettings.sample.json.")
            .PostConfigure(email => email.SmtpHost = email.SmtpHost.Trim())
            .Check(EmailProblem)
            .ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName));

        services.AddSingleton<SetupGate>();
        services.AddScoped<IFirstRunSetup, FirstRunSetup>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<CurrentActor>();
        // A host with signed-in people (the web app) registers where their principal comes from.
        services.TryAddScoped<IActorSource, NoActorSource>();
        services.AddAuthorizationBuilder().AddNewsroomPolicies();

        // Tokens (invitation, password reset) are signed with Data Protection; the web layer
        // persists its keys, a bare Core host (tests, tools) keeps them in memory.
        services.AddDataProtection();
        services.AddScoped<IAccountAdministration, AccountAdministration>();
        services.AddScoped<IPersonalDataErasure, PersonalDataErasure>();
        services.AddSingleton<Sessions.UserSessions>();
        services.AddSingleton<Sessions.DatabaseTicketStore>();
        services.AddScoped<IInvitations, Invitations>();
        services.AddScoped<AccountChanges>();
        services.AddSingleton<AccountEmailTemplates>();
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<AccountMailer>();
        services.AddSingleton<IAccountMailer>(sp => sp.GetRequiredService<AccountMailer>());
        services.AddSingleton<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<AccountMailer>());

        // Every account, old and new, is locked after too many failed attempts in a row.
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            options.Lockout.MaxFailedAccessAttempts = security.Value.LockoutAttempts;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.Value.LockoutMinutes);
        });
        return services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                // OWASP ASVS 5: length over composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            // Identity's refusals (password too short, e-mail taken...) in the reader's language.
            .AddErrorDescriber<NewsroomIdentityErrorDescriber>()
            .AddEntityFrameworkStores<NewsroomDbContext>()
            .AddClaimsPrincipalFactory<NewsroomClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName);
    }

    private static string? EmailProblem(EmailOptions email)
    {
        if (!email.IsConfigured)
            return null; // no e-mail at all: nothing else is read
        if (email.SmtpPort is <= 0 or > 65535)
            return $"Email:SmtpPort is {email.SmtpPort}; it must be a port number from 1 to 65535.";
        if (!MimeKit.MailboxAddress.TryParse(email.From ?? "", out var from) || string.IsNullOrEmpty(from.Address) || !from.Address.Contains('@', StringComparison.Ordinal))
            return $"Email:From '{email.From}' is not an e-mail address; with Email:SmtpHost set it is required, e.g. \"Newsroom <no-reply@example.vn>\".";
        if (string.IsNullOrEmpty(email.UserName) != string.IsNullOrEmpty(email.Password))
            return "Email:UserName and Email:Password go together; set both or neither.";
        return null;
    }
}
