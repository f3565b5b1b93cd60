using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> asset)
    {
        asset.HasKey(a => a.Id);
        asset.Property(a => a.Id).ValueGeneratedNever();
        asset.Property(a => a.UploaderId).HasMaxLength(450).IsRequired();
        asset.Property(a => a.UploaderName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
        asset.Property(a => a.OriginalFileName).HasMaxLength(MediaAsset.FileNameMaxLength).IsRequired();
        asset.Property(a => a.Format).HasConversion<string>().HasMaxLength(10);
        asset.Property(a => a.Sha256).HasMaxLength(64).IsUnicode(false).IsRequired();
        asset.Property(a => a.AltText).HasMaxLength(MediaAsset.AltTextMaxLength).IsRequired();
        asset.Property(a => a.Caption).HasMaxLength(MediaAsset.CaptionMaxLength).IsRequired();
        asset.Property(a => a.Credit).HasMaxLength(MediaAsset.CreditMaxLength).IsRequired();
        asset.Property(a => a.SearchIndex).IsRequired();
        asset.Property(a => a.RenditionsJson).IsRequired();
        asset.Ignore(a => a.Renditions);

        asset.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UploaderId).OnDelete(DeleteBehavior.Restrict);
        asset.HasIndex(a => a.Sha256);
        // The library's two lists, newest first with the id breaking ties: everyone's, and "mine".
        asset.HasIndex(a => new { a.UploaderId, a.UploadedAt, a.Id });
        asset.HasIndex(a => new { a.UploadedAt, a.Id });
    }
}
