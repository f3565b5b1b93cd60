using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    /// <summary>Room for a headline slug plus a "-n" suffix.</summary>
    public const int SlugColumnLength = Slugs.MaxLength + 20;

    public void Configure(EntityTypeBuilder<Story> story)
    {
        story.HasKey(s => s.Id);
        story.Property(s => s.Id).ValueGeneratedNever();
        story.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        story.Property(s => s.AuthorId).HasMaxLength(450).IsRequired();
        story.Property(s => s.AuthorName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
        story.Property(s => s.UpdatedById).HasMaxLength(450).IsRequired();
        story.Property(s => s.Language).HasMaxLength(Story.LanguageMaxLength).IsRequired();
        story.Property(s => s.Headline).HasMaxLength(StoryContent.HeadlineMaxLength).IsRequired();
        story.Property(s => s.Lead).HasMaxLength(StoryContent.LeadMaxLength).IsRequired();
        story.Property(s => s.BodyJson).IsRequired();
        story.Property(s => s.BodyText).IsRequired();
        story.Property(s => s.TagList).HasMaxLength((StoryContent.TagMaxLength + 1) * StoryContent.MaxTags).IsRequired();
        story.Property(s => s.TagSlugs).HasMaxLength((Slugs.MaxLength + 1) * StoryContent.MaxTags + 1).IsRequired();
        story.Property(s => s.Byline).HasMaxLength(StoryContent.BylineMaxLength).IsRequired();
        story.Property(s => s.Slug).HasMaxLength(SlugColumnLength).IsRequired();
        story.Property(s => s.CustomSlug).HasMaxLength(SlugColumnLength).IsRequired();
        story.Property(s => s.MetaDescription).HasMaxLength(StoryContent.MetaDescriptionMaxLength).IsRequired();
        story.Property(s => s.SearchIndex).IsRequired();
        story.Property(s => s.SearchHeadline).HasMaxLength(StoryContent.HeadlineMaxLength).IsRequired();
        story.Property(s => s.SearchLead).HasMaxLength(StoryContent.LeadMaxLength).IsRequired();
        story.Property(s => s.FeaturedCaption).HasMaxLength(StoryContent.FeaturedCaptionMaxLength).IsRequired();
        story.HasIndex(s => s.FeaturedMediaId);
        // SQLite has no rowversion: the app increments Version on every edit, and State guards
        // workflow moves, so two racing writes of either kind end in a conflict, not an overwrite.
        story.Property(s => s.Version).IsConcurrencyToken();
        story.Property(s => s.State).IsConcurrencyToken();
        story.Ignore(s => s.Tags);
        story.Ignore(s => s.Content);

        story.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        story.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Restrict);
        story.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.StoryId).OnDelete(DeleteBehavior.Cascade);
        story.HasMany(s => s.Revisions).WithOne().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
        story.HasMany(s => s.Notes).WithOne().HasForeignKey(n => n.StoryId).OnDelete(DeleteBehavior.Cascade);
        story.Navigation(s => s.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        story.Navigation(s => s.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        story.Navigation(s => s.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        story.HasMany(s => s.PastSlugs).WithOne().HasForeignKey(p => p.StoryId).OnDelete(DeleteBehavior.Cascade);
        story.Navigation(s => s.PastSlugs).UsePropertyAccessMode(PropertyAccessMode.Field);

        story.HasIndex(s => new { s.Language, s.Slug });
        // The review queue: stories in review, oldest first, the id breaking ties so pages never overlap.
        story.HasIndex(s => new { s.State, s.SubmittedAt, s.Id });
        story.HasIndex(s => new { s.AuthorId, s.UpdatedAt });
        // A reporter's dashboard: their own published stories, newest first.
        story.HasIndex(s => new { s.AuthorId, s.State, s.PublishedAt });
        story.HasIndex(s => s.UpdatedAt);
        // One version per language in a translation group, even when two people add it at once.
        story.HasIndex(s => new { s.TranslationGroupId, s.Language }).IsUnique();
        // The public site's lists, newest first with the id breaking ties: a language's stories (home,
        // tag pages, feed), a section's, and every language's (sitemaps; the dashboard's published).
        story.HasIndex(s => new { s.State, s.Language, s.PublishedAt, s.Id });
        story.HasIndex(s => new { s.State, s.Language, s.SectionId, s.PublishedAt, s.Id });
        story.HasIndex(s => new { s.State, s.PublishedAt, s.Id });
        // A ranked search sorts its hits by rank, then newest first: this gives each hit's
        // UpdatedAt by its key without reading the story's row, whose text spills over several
        // pages that SQLite reads through to reach the columns stored after it.
        story.HasIndex(s => new { s.Id, s.UpdatedAt });
    }
}

internal sealed class WorkflowEventConfiguration : IEntityTypeConfiguration<WorkflowEvent>
{
    public void Configure(EntityTypeBuilder<WorkflowEvent> workflowEvent)
    {
        workflowEvent.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        workflowEvent.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        workflowEvent.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        workflowEvent.Property(e => e.ActorId).HasMaxLength(450).IsRequired();
        workflowEvent.Property(e => e.ActorName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
        workflowEvent.Property(e => e.Note).HasMaxLength(EditorialNote.MaxLength);
    }
}

internal sealed class StoryRevisionConfiguration : IEntityTypeConfiguration<StoryRevision>
{
    public void Configure(EntityTypeBuilder<StoryRevision> revision)
    {
        revision.HasIndex(r => new { r.StoryId, r.Number }).IsUnique();
        revision.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        revision.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        revision.Property(r => r.AuthorId).HasMaxLength(450).IsRequired();
        revision.Property(r => r.AuthorName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
        revision.Property(r => r.Headline).HasMaxLength(StoryContent.HeadlineMaxLength).IsRequired();
        revision.Property(r => r.Lead).HasMaxLength(StoryContent.LeadMaxLength).IsRequired();
        revision.Property(r => r.Tags).HasMaxLength((StoryContent.TagMaxLength + 1) * StoryContent.MaxTags).IsRequired();
        revision.Property(r => r.Byline).HasMaxLength(StoryContent.BylineMaxLength).IsRequired();
        revision.Property(r => r.Slug).HasMaxLength(StoryConfiguration.SlugColumnLength).IsRequired();
        revision.Property(r => r.MetaDescription).HasMaxLength(StoryContent.MetaDescriptionMaxLength).IsRequired();
        revision.Property(r => r.FeaturedCaption).HasMaxLength(StoryContent.FeaturedCaptionMaxLength).IsRequired();
    }
}

internal sealed class EditorialNoteConfiguration : IEntityTypeConfiguration<EditorialNote>
{
    public void Configure(EntityTypeBuilder<EditorialNote> note)
    {
        note.Property(n => n.AuthorId).HasMaxLength(450).IsRequired();
        note.Property(n => n.AuthorName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
        note.Property(n => n.Text).HasMaxLength(EditorialNote.MaxLength).IsRequired();
    }
}

internal sealed class EditLeaseConfiguration : IEntityTypeConfiguration<EditLease>
{
    public void Configure(EntityTypeBuilder<EditLease> lease)
    {
        lease.HasKey(l => l.StoryId);
        lease.HasOne<Story>().WithOne().HasForeignKey<EditLease>(l => l.StoryId).OnDelete(DeleteBehavior.Cascade);
        lease.Property(l => l.HolderId).HasMaxLength(450).IsRequired();
        lease.Property(l => l.HolderName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
    }
}
