using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// An in-memory <see cref="IMediaService"/> for component tests: it records what the components ask
/// and answers what each test sets up (refusals, duplicates, usage). It checks no rules of its own.
/// </summary>
public sealed class FakeMediaService : IMediaService
{
    public List<MediaItem> Items { get; } = [];

    /// <summary>Who acts, as the real service reads it from the scope's CurrentActor; the test context sets it to its signed-in person.</summary>
    public Func<ValueTask<Actor>> Acting { get; set; } = () => throw new InvalidOperationException("Nobody acts.");

    public List<(Actor Actor, string FileName, byte[] Content)> Uploads { get; } = [];

    public List<MediaQuery> Queries { get; } = [];

    public List<(Guid Id, MediaMetadata Metadata)> MetadataUpdates { get; } = [];

    public List<Guid> Deleted { get; } = [];

    public Dictionary<Guid, IReadOnlyList<StorySummary>> Usage { get; } = [];

    /// <summary>Answers an upload; by default the file is stored as a new, ready image.</summary>
    public Func<string, byte[], CancellationToken, Task<UploadResult>>? OnUpload { get; set; }

    /// <summary>When set, <see cref="UpdateMetadataAsync"/> refuses with this message.</summary>
    public string? MetadataRefusal { get; set; }

    /// <summary>When set, <see cref="DeleteAsync"/> refuses with this message.</summary>
    public string? DeleteRefusal { get; set; }

    /// <summary>A ready image with one JPEG rendition.</summary>
    public static MediaItem Item(string fileName, string altText = "", string caption = "", string credit = "",
        string uploaderId = "someone", string uploaderName = "Trần Minh")
    {
        var id = Guid.NewGuid();
        IReadOnlyList<MediaRendition> renditions =
            [new MediaRendition(320, 240, "jpeg", $"{id:N}-320.jpg", 20_000), new MediaRendition(320, 240, "webp", $"{id:N}-320.webp", 15_000)];
        return new MediaItem(id, uploaderId, uploaderName, fileName, 1600, 1200, altText, caption, credit,
            new DateTime(2024, 4, 11, 12, 45, 0, DateTimeKind.Utc), renditions);
    }

    public MediaItem Add(MediaItem item)
    {
        Items.Add(item);
        return item;
    }

    public async Task<UploadResult> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var actor = await Acting();
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        lock (Uploads)
            Uploads.Add((actor, fileName, bytes));
        if (OnUpload is not null)
            return await OnUpload(fileName, bytes, cancellationToken);
        var stored = Add(Item(fileName, uploaderId: actor.UserId, uploaderName: actor.DisplayName));
        return new UploadResult(stored, null, null);
    }

    public Task<MediaItem> UpdateMetadataAsync(Guid id, MediaMetadata metadata, CancellationToken cancellationToken = default)
    {
        if (MetadataRefusal is not null)
            throw new AccessDeniedException(MetadataRefusal);
        MetadataUpdates.Add((id, metadata));
        var index = Items.FindIndex(i => i.Id == id);
        var updated = Items[index] with { AltText = metadata.AltText, Caption = metadata.Caption, Credit = metadata.Credit };
        Items[index] = updated;
        return Task.FromResult(updated);
    }

    public async Task<MediaPage> ListAsync(MediaQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await Acting();
        Queries.Add(query);
        var matches = Items
            .Where(i => !query.MineOnly || i.UploaderId == actor.UserId)
            .Where(i => query.Search is null
                        || new[] { i.AltText, i.Caption, i.Credit, i.OriginalFileName }.Any(t => t.Contains(query.Search, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new MediaPage(matches.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList(), matches.Count);
    }

    public Task<MediaItem?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Items.FirstOrDefault(i => i.Id == id));

    public Task<IReadOnlyList<StorySummary>> UsageAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Usage.TryGetValue(id, out var stories) ? stories : (IReadOnlyList<StorySummary>)[]);

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (DeleteRefusal is not null)
            throw new DomainException(DeleteRefusal);
        Deleted.Add(id);
        Items.RemoveAll(i => i.Id == id);
        return Task.CompletedTask;
    }

    public Task<IFigureImageSource> ImagesForAsync(StoryBody body, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the components.");

    public Task<IFigureImageSource> ImagesForAsync(IEnumerable<Guid> mediaIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the components.");

    public Task<PublicImage?> PublicImageAsync(Guid id, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the components.");
}
