using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Sessions;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Data;

/// <summary>
/// The one DbContext of the app: Identity plus the newsroom's own entities, each configured by its
/// own <see cref="IEntityTypeConfiguration{TEntity}"/> in <c>Data/Configurations</c>.
/// </summary>
/// <remarks>
/// Each provider has its own migration set (EF Core "Migrations with Multiple Providers").
/// A model change is added to all three sets, from the repository root:
/// <code>
/// dotnet ef migrations add NAME --project src/NewsroomEditor.Migrations.Sqlite --startup-project src/NewsroomEditor.Web -- --Database:Provider Sqlite
/// dotnet ef migrations add NAME --project src/NewsroomEditor.Migrations.SqlServer --startup-project src/NewsroomEditor.Web -- --Database:Provider SqlServer --ConnectionStrings:Newsroom "Server=.;Database=Newsroom"
/// dotnet ef migrations add NAME --project src/NewsroomEditor.Migrations.PostgreSql --startup-project src/NewsroomEditor.Web -- --Database:Provider PostgreSql --ConnectionStrings:Newsroom "Host=localhost;Database=x"
/// </code>
/// (no server is contacted to add a migration). <c>MigrationSetTests</c> fails while any set lacks a change.
/// </remarks>
public class NewsroomDbContext(DbContextOptions<NewsroomDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<WorkflowEvent> WorkflowEvents => Set<WorkflowEvent>();
    public DbSet<StoryRevision> StoryRevisions => Set<StoryRevision>();
    public DbSet<EditorialNote> EditorialNotes => Set<EditorialNote>();
    public DbSet<EditLease> EditLeases => Set<EditLease>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<PastSlug> PastSlugs => Set<PastSlug>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SavedSiteSettings> SiteSettings => Set<SavedSiteSettings>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>
    /// The DI scope this context works for (set by the scoped factory of <c>AddDomainEvents</c>):
    /// the save turns domain events into audit entries with that scope's client address. Null for
    /// contexts of singletons and tools.
    /// </summary>
    internal IServiceProvider? Scope { get; set; }

    /// <summary>Outbox rows this context saved and has not handed to the dispatcher yet.</summary>
    internal List<Events.OutboxMessage> UndeliveredOutbox { get; } = [];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity shapes its tables from IdentityOptions.Stores in the app's container
        // (schema version 3, with the template's passkeys, set by AddNewsroomCore): create this
        // context through that container, never with `new`, or the model differs from the migrations.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsroomDbContext).Assembly);
    }
}
