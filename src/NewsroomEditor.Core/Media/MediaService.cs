using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Media;

/// <summary>
/// The media use cases (<see cref="IMediaService"/>). An upload is checked in this order before
/// anything is decoded: who may upload, quota, size (enforced while reading), format by magic
/// bytes, a hidden archive, width × height from the header; then duplicates by SHA-256; then
/// libvips makes the renditions off the caller's thread. Only a fully processed image is stored
/// (original, renditions, row): a refusal leaves nothing behind.
/// </summary>
public sealed class MediaService(
    IDbContextFactory<NewsroomDbContext> contexts,
    IMediaStore store,
    MediaImageProcessor processor,
    IOptionsMonitor<MediaOptions> options,
    TimeProvider clock,
    ILogger<MediaService> logger,
    CurrentActor current,
    IOptions<StorageOptions> storage) : IMediaService
{
    /// <summary>The <c>sizes</c> hint for figures: the article column is 720 px wide, full width on phones.</summary>
    public const string FigureSizes = "(max-width: 720px) 100vw, 720px";

    private MediaOptions Limits => options.CurrentValue;

    /// <summary>Where uploads are spooled while they are checked and processed: the data folder, on the same disk as the media.</summary>
    private string IncomingFolder => Path.Combine(storage.Value.DataFolder, "media", "incoming");

    public async Task<UploadResult> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Actor actor;
        long used;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            actor = await current.VerifiedAsync(db, cancellationToken).ConfigureAwait(false);
            if (!actor.CanWrite)
                throw new AccessDeniedException("Only reporters and editors upload media.");
            used = await db.MediaAssets.Where(a => a.UploaderId == actor.UserId).SumAsync(a => (long?)a.Bytes, cancellationToken).ConfigureAwait(false) ?? 0;
        }
        if (used >= Limits.QuotaBytesPerUser)
            return Refused(DomainText.Format("Your uploads already fill your quota of {0}; delete unused images first.", ByteSize.Format(Limits.QuotaBytesPerUser)));

        // Spooled to a file in the data folder, not held in memory: libvips reads the file itself.
        await using var upload = await SpooledUpload.WriteAsync(content, IncomingFolder, Limits.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        if (upload is null)
            return Refused(DomainText.Format("The file is larger than the {0} limit.", ByteSize.Format(Limits.MaxUploadBytes)));
        if (used + upload.Length > Limits.QuotaBytesPerUser)
            return Refused(DomainText.Format("This file would take your uploads past your quota of {0}; delete unused images first.", ByteSize.Format(Limits.QuotaBytesPerUser)));

        var (format, refusal) = upload.Inspect(bytes => Check(bytes, Limits.MaxPixels));
        if (refusal is not null)
            return Refused(refusal);

        var sha256 = upload.Sha256;
        if (await FindBySha256Async(sha256, cancellationToken).ConfigureAwait(false) is { } existing)
            return new UploadResult(null, ToItem(existing), null);

        ProcessedImage processed;
        try
        {
            processed = await processor.ProcessFileAsync(upload.Path, format, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaRefusedException e)
        {
            return Refused(e.Message);
        }

        var now = Now;
        var asset = MediaAsset.Create(Guid.NewGuid(), actor, fileName, format, sha256, upload.Length,
            processed.Width, processed.Height, processed.Renditions.Select(r => r.ToRendition()).ToList(), now);
        try
        {
            await using (var original = upload.OpenRead())
                await store.SaveOriginalAsync(asset.Id, original, cancellationToken).ConfigureAwait(false);
            foreach (var rendition in processed.Renditions)
            {
                if (!await store.PublicExistsAsync(rendition.FileName, cancellationToken).ConfigureAwait(false))
                    await store.SavePublicAsync(rendition.FileName, rendition.Content, cancellationToken).ConfigureAwait(false);
            }
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.MediaAssets.Add(asset);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DeleteFilesAsync(asset, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        logger.LogInformation("Media {MediaId} uploaded by {UserId}: {Width}x{Height} {Format}, {Renditions} renditions",
            asset.Id, actor.UserId, asset.Width, asset.Height, format, processed.Renditions.Count);
        return new UploadResult(ToItem(asset), null, null);
    }

    public async Task<MediaItem> UpdateMetadataAsync(Guid id, MediaMetadata metadata, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var actor = await current.VerifiedAsync(db, cancellationToken).ConfigureAwait(false);
        var asset = await db.MediaAssets.SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new MediaNotFoundException();
        asset.Describe(actor, metadata, Now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToItem(asset);
    }

    public async Task<MediaPage> ListAsync(MediaQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync().ConfigureAwait(false);
        EnsureWriter(actor);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var assets = db.MediaAssets.AsNoTracking();
        if (query.MineOnly)
            assets = assets.Where(a => a.UploaderId == actor.UserId);
        var ranked = MediaSearch.Ranked(db, assets, SearchTerms.Parse(query.Search));
        var total = await ranked.CountAsync(cancellationToken).ConfigureAwait(false);
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        // Only the columns the library shows are read, not the search text nor the file's hash and size.
        var page = await ranked
            .Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Select(a => new MediaItem(
                a.Id, a.UploaderId, a.UploaderName, a.OriginalFileName, a.Width, a.Height, a.AltText, a.Caption, a.Credit,
                a.UploadedAt, MediaAsset.RenditionsFrom(a.RenditionsJson)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new MediaPage(page, total);
    }

    public async Task<MediaItem?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync().ConfigureAwait(false);
        EnsureWriter(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var asset = await db.MediaAssets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        return asset is null ? null : ToItem(asset);
    }

    public async Task<IReadOnlyList<StorySummary>> UsageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync().ConfigureAwait(false);
        EnsureWriter(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return VisibleTo(actor, await UsageAsync(db, id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reporters see their own stories only (DESIGN.md §2), here too.</summary>
    private static List<StorySummary> VisibleTo(Actor actor, IReadOnlyList<StorySummary> stories) =>
        stories.Where(s => StoryRules.IsEditorOrOwner(actor, s.AuthorId)).ToList();

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var actor = await current.VerifiedAsync(db, cancellationToken).ConfigureAwait(false);
        var asset = await db.MediaAssets.SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new MediaNotFoundException();
        if (!asset.CanEdit(actor))
            throw actor.CanWrite
                ? new AccessDeniedException("Reporters delete their own uploads only; ask an editor.")
                : new AccessDeniedException("Only reporters and editors work with media.");
        var usage = await UsageAsync(db, id, cancellationToken).ConfigureAwait(false);
        if (usage.Count > 0)
        {
            throw StillUsed(VisibleTo(actor, usage).Take(5).ToList(), usage.Count);
        }
        asset.RecordDeletion(actor);
        db.MediaAssets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await DeleteFilesAsync(asset, cancellationToken).ConfigureAwait(false);
    }

    public Task<IFigureImageSource> ImagesForAsync(StoryBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return ImagesForAsync(body.Figures.Select(f => f.MediaId), cancellationToken);
    }

    public async Task<IFigureImageSource> ImagesForAsync(IEnumerable<Guid> mediaIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaIds);
        var ids = mediaIds.Distinct().ToList();
        if (ids.Count == 0)
            return new FigureImages(new Dictionary<Guid, FigureImage>());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var assets = await db.MediaAssets.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var images = new Dictionary<Guid, FigureImage>();
        foreach (var asset in assets)
        {
            if (ToFigureImage(asset) is { } image)
                images[asset.Id] = image;
        }
        return new FigureImages(images);
    }

    public async Task<PublicImage?> PublicImageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var asset = await db.MediaAssets.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        // Link previews want about 1200 px wide: the largest JPEG up to 1600, else the smallest.
        if (asset is null || MediaRenditions.Jpeg(asset.Renditions, 1600) is not { } share)
            return null;
        return new PublicImage(asset.Id, asset.AltText, asset.Credit, share);
    }

    /// <summary>The picture of an asset: the 1024-px JPEG (or the largest below it) as src, every JPEG and every WebP in the srcsets.</summary>
    internal static FigureImage? ToFigureImage(MediaAsset asset) =>
        MediaRenditions.Responsive(asset.Renditions, 1024, FigureSizes, asset.Width, asset.Height);

    private static async Task<IReadOnlyList<StorySummary>> UsageAsync(NewsroomDbContext db, Guid id, CancellationToken cancellationToken)
    {
        // Bodies name figures by id in the "D" form (StoryBodyJson).
        var needle = id.ToString("D");
        return await db.Stories.AsNoTracking()
            .Where(s => s.FeaturedMediaId == id || s.BodyJson.Contains(needle))
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new StorySummary(s.Id, s.Headline, s.State, s.AuthorId, s.AuthorName, s.SectionId, s.Language, s.UpdatedAt, s.SubmittedAt, s.PublishedAt, s.ScheduledAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<MediaAsset?> FindBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == sha256, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an asset's files, keeping renditions another asset shares (same pixels from different originals).</summary>
    private async Task DeleteFilesAsync(MediaAsset asset, CancellationToken cancellationToken)
    {
        var names = asset.Renditions.Select(r => r.FileName).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var unshared = new List<string>();
        foreach (var name in names)
        {
            if (!await db.MediaAssets.AnyAsync(a => a.Id != asset.Id && a.RenditionsJson.Contains(name), cancellationToken).ConfigureAwait(false))
                unshared.Add(name);
        }
        await store.DeleteAsync(asset.Id, unshared, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The checks made before anything is decoded, in order: format by magic bytes, a format this
    /// server reads, a whole file, no hidden archive, width × height from the header. The format,
    /// or why the file is refused.
    /// </summary>
    internal static (MediaFormat Format, string? Refusal) Check(ReadOnlySpan<byte> bytes, long maxPixels)
    {
        var sniffed = ImageSniffer.Sniff(bytes);
        if (sniffed.Refusal is not null)
            return (default, sniffed.Refusal);
        var format = sniffed.Format!.Value;
        if (!MediaImageProcessor.Accepts(format))
            return (format, DomainText.Format("{0} images cannot be read on this server; export the photo as JPEG and upload that.", ImageSniffer.Name(format)));
        if (ImageSniffer.Incomplete(format, bytes) is { } incomplete)
            return (format, incomplete);
        if (ImageSniffer.ContainsZipArchive(bytes))
            return (format, DomainText.Get("The file hides a ZIP archive inside the image (a polyglot file); save the photo again as a plain image and upload that."));
        if (format is MediaFormat.Jpeg or MediaFormat.Png or MediaFormat.Webp)
        {
            if (sniffed.Width <= 0 || sniffed.Height <= 0)
                return (format, DomainText.Format("The {0} header gives the image no width or height; the file is damaged.", ImageSniffer.Name(format)));
            if ((long)sniffed.Width * sniffed.Height > maxPixels)
                return (format, MediaImageProcessor.TooManyPixels(sniffed.Width, sniffed.Height, maxPixels));
        }
        return (format, null);
    }

    private static void EnsureWriter(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanWrite)
            throw new AccessDeniedException("Only reporters and editors work with media.");
    }

    private static UploadResult Refused(string reason) => new(null, null, reason);

    /// <summary>
    /// Why an image in use cannot be deleted. Only the stories <paramref name="named"/> (those the
    /// actor may see, the first five) are named; the others are counted. One sentence per case, so
    /// that each translates whole.
    /// </summary>
    private static DomainException StillUsed(IReadOnlyList<StorySummary> named, int count)
    {
        var names = string.Join(", ", named.Select(s => $"\"{(s.Headline.Length == 0 ? DomainText.Get("(untitled)") : s.Headline)}\""));
        var others = count - named.Count;
        if (others == 0)
        {
            return count == 1
                ? new DomainException("The image is used in the story {0}. Remove it from there first.", names)
                : new DomainException("The image is used in {0} stories: {1}. Remove it from them first.", count, names);
        }
        if (named.Count > 0)
            return new DomainException("The image is used in {0} stories: {1} and {2} more. Remove it from them first.", count, names, others);
        return count == 1
            ? new DomainException("The image is used in a story of another writer. It must be removed from there first.")
            : new DomainException("The image is used in {0} stories of other writers. It must be removed from them first.", count);
    }

    internal static MediaItem ToItem(MediaAsset a) => new(
        a.Id, a.UploaderId, a.UploaderName, a.OriginalFileName, a.Width, a.Height, a.AltText, a.Caption, a.Credit,
        a.UploadedAt, a.Renditions);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private sealed class FigureImages(IReadOnlyDictionary<Guid, FigureImage> images) : IFigureImageSource
    {
        public FigureImage? Find(Guid mediaId) => images.GetValueOrDefault(mediaId);
    }
}

/// <summary>No image has that id.</summary>
public sealed class MediaNotFoundException() : DomainException("That image does not exist (it may have been deleted).");
