using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class SavedSiteSettingsConfiguration : IEntityTypeConfiguration<SavedSiteSettings>
{
    public void Configure(EntityTypeBuilder<SavedSiteSettings> settings)
    {
        settings.ToTable("SiteSettings");
        // The key is always SavedSiteSettings.SingletonId, set by the app: never generated.
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.NameVi).HasMaxLength(SavedSiteSettings.NameMaxLength).IsRequired();
        settings.Property(s => s.NameEn).HasMaxLength(SavedSiteSettings.NameMaxLength).IsRequired();
        settings.Property(s => s.TimeZone).HasMaxLength(SavedSiteSettings.TimeZoneMaxLength).IsRequired();
        settings.Property(s => s.Languages).HasMaxLength(SavedSiteSettings.LanguagesMaxLength).IsRequired();
        settings.Property(s => s.UpdatedById).HasMaxLength(450);
        settings.Ignore(s => s.LanguageList);
    }
}
