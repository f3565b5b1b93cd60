using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Email;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core;

/// <summary>Registers the domain layer: settings, the database, Identity's stores and the services.</summary>
public static class CoreHostingExtensions
{
    public const string SqliteMigrationsAssembly = "NewsroomEditor.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "NewsroomEditor.Migrations.SqlServer";

    /// <summary>
    /// Reads and checks the settings, then registers everything of the Core layer. A wrong or
    /// missing setting throws <see cref="StartupConfigurationException"/> naming it.
    /// </summary>
    public static IdentityBuilder AddNewsroomCore(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var storage = ReadStorage(configuration, builder.Environment.ContentRootPath);
        var database = ReadDatabase(configuration, storage);
        var site = ReadSite(configuration);
        var security = ReadSecurity(configuration);
        var accounts = ReadAccounts(configuration);
        var email = ReadEmail(configuration);
        // Every setting is read and checked here, before anything starts, so that a wrong one stops
        // start-up with a StartupConfigurationException rather than failing on first use.

        var services = builder.Services;
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(storage));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(database));
        // Site and upload settings an admin may change at run time (SiteSettings): every
        // IOptions<SiteOptions> / IOptions<MediaOptions> reads the current values through it.
        SiteSettings.AddTo(services, site, ReadMedia(configuration));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(security));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(accounts));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(email));
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName));

        // Blazor Server keeps one scope per circuit for as long as the page is open, and a page's
        // handlers interleave at every await: services therefore take a short-lived context from
        // the factory per operation. Identity's stores get a scoped one made by the same factory.
        services.AddDbContextFactory<NewsroomDbContext>(options => UseProvider(options, database).AddInterceptors(AuditAppendOnlyInterceptor.Instance));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<NewsroomDbContext>>().CreateDbContext());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SetupGate>();
        services.AddScoped<FirstRunSetup>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<AdminGate>();
        services.AddScoped<ActorVerifier>();
        services.AddScoped<CurrentActor>();
        // A host with signed-in people (the web app) registers where their principal comes from.
        services.TryAddScoped<IActorSource, NoActorSource>();
        services.AddScoped<SectionCatalog>();
        services.AddScoped<SectionAdministration>();
        services.AddScoped<SiteSettingsAdministration>();
        services.AddScoped<PublishedStories>();
        services.AddScoped<StoryPreviews>();
        services.AddSingleton<PublicPaths>();
        services.TryAddSingleton<IPublicSiteCache, NoPublicSiteCache>();
        services.TryAddScoped<IAuditClient, NoAuditClient>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<IStoryWriting, StoryWriting>();
        services.AddScoped<IStoryWorkflow, StoryWorkflow>();
        services.AddScoped<IStoryTranslations, StoryTranslations>();
        services.AddScoped<IStoryQueries, StoryQueries>();
        services.AddScoped<IScheduledPublishing, ScheduledPublishing>();
        services.AddScoped<EditLeaseService>();
        services.AddSingleton<IMediaStore, LocalDiskMediaStore>();
        services.AddSingleton<MediaImageProcessor>();
        services.AddScoped<IMediaService, MediaService>();
        services.AddSingleton<INewsroomEventBus, InProcessEventBus>();
        services.AddHostedService<ScheduledPublisher>();
        services.AddAuthorizationBuilder().AddNewsroomPolicies();
        AddAccountAdministration(services);

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
                // Every account, old and new, is locked after too many failed attempts in a row.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = security.LockoutAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
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

    /// <summary>Users (Admin only), invitations and the account e-mails.</summary>
    private static void AddAccountAdministration(IServiceCollection services)
    {
        // Tokens (invitation, password reset) are signed with Data Protection; the web layer
        // persists its keys, a bare Core host (tests, tools) keeps them in memory.
        services.AddDataProtection();
        services.AddScoped<IAccountAdministration, AccountAdministration>();
        services.AddScoped<IPersonalDataErasure, PersonalDataErasure>();
        services.AddSingleton<Accounts.Sessions.UserSessions>();
        services.AddSingleton<Accounts.Sessions.DatabaseTicketStore>();
        services.AddScoped<Invitations>();
        services.AddSingleton<AccountEmailTemplates>();
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<AccountMailer>();
        services.AddSingleton<IAccountMailer>(sp => sp.GetRequiredService<AccountMailer>());
        services.AddSingleton<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<AccountMailer>());
    }

    internal static AccountOptions ReadAccounts(IConfiguration configuration)
    {
        var accounts = new AccountOptions();
        try
        {
            configuration.GetSection(AccountOptions.SectionName).Bind(accounts);
        }
        catch (InvalidOperationException)
        {
            throw new StartupConfigurationException("Accounts:InvitationDays is not a whole number; see appsettings.sample.json.");
        }
        if (accounts.InvitationDays is <= 0 or > 365)
            throw new StartupConfigurationException($"Accounts:InvitationDays is {accounts.InvitationDays}; it must be a number of days from 1 to 365.");
        return accounts;
    }

    internal static EmailOptions ReadEmail(IConfiguration configuration)
    {
        var email = new EmailOptions();
        try
        {
            configuration.GetSection(EmailOptions.SectionName).Bind(email);
        }
        catch (InvalidOperationException)
        {
            throw new StartupConfigurationException("Email:SmtpPort must be a whole number and Email:UseStartTls true or false; see appsettings.sample.json.");
        }
        if (!email.IsConfigured)
            return email; // no e-mail at all: nothing else is read
        email.SmtpHost = email.SmtpHost.Trim();
        if (email.SmtpPort is <= 0 or > 65535)
            throw new StartupConfigurationException($"Email:SmtpPort is {email.SmtpPort}; it must be a port number from 1 to 65535.");
        if (!MimeKit.MailboxAddress.TryParse(email.From ?? "", out var from) || string.IsNullOrEmpty(from.Address) || !from.Address.Contains('@', StringComparison.Ordinal))
            throw new StartupConfigurationException($"Email:From '{email.From}' is not an e-mail address; with Email:SmtpHost set it is required, e.g. \"Newsroom <no-reply@example.vn>\".");
        if (string.IsNullOrEmpty(email.UserName) != string.IsNullOrEmpty(email.Password))
            throw new StartupConfigurationException("Email:UserName and Email:Password go together; set both or neither.");
        return email;
    }

    /// <summary>Points EF Core at the chosen provider and that provider's own migration set.</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(database.ConnectionString,
                sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(database.ConnectionString,
                sqlServer => sqlServer.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure()),
            _ => throw new StartupConfigurationException($"Database:Provider '{database.Provider}' is not supported."),
        };
    }

    /// <summary>The data folder, absolute; relative settings are taken from the content root.</summary>
    public static StorageOptions ReadStorage(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration[$"{StorageOptions.SectionName}:DataFolder"];
        if (string.IsNullOrWhiteSpace(folder))
            folder = "data";
        return new StorageOptions { DataFolder = Path.GetFullPath(Path.Combine(contentRoot, folder)) };
    }

    internal static DatabaseOptions ReadDatabase(IConfiguration configuration, StorageOptions storage)
    {
        var providerSetting = configuration[$"{DatabaseOptions.SectionName}:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerSetting) &&
            (!Enum.TryParse(providerSetting.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new StartupConfigurationException(
                $"Database:Provider is '{providerSetting}', which is not a provider this app knows; use Sqlite or SqlServer.");
        }

        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupConfigurationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is missing; Database:Provider SqlServer needs it.");
        }
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(storage.DataFolder, "newsroom.db"),
                // Microsoft.Data.Sqlite retries a busy database until this many seconds have passed.
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
        }
        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString! };
    }

    internal static MediaOptions ReadMedia(IConfiguration configuration)
    {
        var media = new MediaOptions();
        var section = configuration.GetSection(MediaOptions.SectionName);
        try
        {
            section.Bind(media);
        }
        catch (InvalidOperationException)
        {
            throw new StartupConfigurationException("A Media:* setting is not a whole number; see appsettings.sample.json.");
        }
        RequirePositive(media.MaxUploadBytes, "Media:MaxUploadBytes");
        RequirePositive(media.MaxPixels, "Media:MaxPixels");
        RequirePositive(media.MaxFilesPerUpload, "Media:MaxFilesPerUpload");
        RequirePositive(media.QuotaBytesPerUser, "Media:QuotaBytesPerUser");
        RequirePositive(media.MaxConcurrentProcessing, "Media:MaxConcurrentProcessing");
        return media;

        static void RequirePositive(long value, string setting)
        {
            if (value <= 0)
                throw new StartupConfigurationException($"{setting} is {value}; it must be a positive number.");
        }
    }

    internal static SecurityOptions ReadSecurity(IConfiguration configuration)
    {
        var security = new SecurityOptions();
        try
        {
            configuration.GetSection(SecurityOptions.SectionName).Bind(security);
        }
        catch (InvalidOperationException)
        {
            throw new StartupConfigurationException("A Security:* setting is not a whole number; see appsettings.sample.json.");
        }
        security.Validate();
        return security;
    }

    internal static SiteOptions ReadSite(IConfiguration configuration)
    {
        var site = new SiteOptions();
        try
        {
            configuration.GetSection(SiteOptions.SectionName).Bind(site);
        }
        catch (InvalidOperationException)
        {
            throw new StartupConfigurationException("Site:PreviewLinkHours is not a whole number; see appsettings.sample.json.");
        }
        if (site.PreviewLinkHours <= 0)
            throw new StartupConfigurationException($"Site:PreviewLinkHours is {site.PreviewLinkHours}; it must be a positive number of hours.");
        if (site.Languages.Count == 0)
            site.Languages = ["vi", "en"];
        if (string.IsNullOrWhiteSpace(site.Name))
            throw new StartupConfigurationException("Site:Name is empty; give the newsroom a name.");
        // Languages are path prefixes of the public site (/en/...), and the site has its own texts
        // and section names in Vietnamese and English only (SiteOptions.KnownLanguages).
        var badLanguage = site.Languages.FirstOrDefault(l => !SiteOptions.IsKnownLanguage(l));
        if (badLanguage is not null || site.Languages.Distinct().Count() != site.Languages.Count)
            throw new StartupConfigurationException(
                $"Site:Languages must be distinct codes among \"vi\" and \"en\", the languages the public site has its texts and section names in; \"{badLanguage ?? "a duplicate"}\" is not.");
        if (site.PublicUrl.Length > 0
            && !(Uri.TryCreate(site.PublicUrl, UriKind.Absolute, out var publicUrl) && publicUrl.Scheme is "http" or "https"))
            throw new StartupConfigurationException($"Site:PublicUrl '{site.PublicUrl}' is not an absolute http(s) address such as https://baothunghiem.vn.");
        try
        {
            _ = site.TimeZoneInfo;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new StartupConfigurationException(
                $"Site:TimeZone '{site.TimeZone}' is not a time zone this machine knows; use an IANA id such as Asia/Ho_Chi_Minh.");
        }
        return site;
    }
}
