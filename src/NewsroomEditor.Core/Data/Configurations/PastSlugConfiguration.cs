using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class PastSlugConfiguration : IEntityTypeConfiguration<PastSlug>
{
    public void Configure(EntityTypeBuilder<PastSlug> pastSlug)
    {
        pastSlug.Property(p => p.Language).HasMaxLength(Story.LanguageMaxLength).IsRequired();
        pastSlug.Property(p => p.Slug).HasMaxLength(StoryConfiguration.SlugColumnLength).IsRequired();
        pastSlug.HasIndex(p => new { p.Language, p.Slug });
    }
}
