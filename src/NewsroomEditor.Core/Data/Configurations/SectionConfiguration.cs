using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.Property(s => s.NameVi).HasMaxLength(Section.NameMaxLength).IsRequired();
        section.Property(s => s.NameEn).HasMaxLength(Section.NameMaxLength).IsRequired();
        section.Property(s => s.SlugVi).HasMaxLength(Slugs.MaxLength).IsRequired();
        section.Property(s => s.SlugEn).HasMaxLength(Slugs.MaxLength).IsRequired();
        // A section's address must be unambiguous in each language.
        section.HasIndex(s => s.SlugVi).IsUnique();
        section.HasIndex(s => s.SlugEn).IsUnique();
    }
}
