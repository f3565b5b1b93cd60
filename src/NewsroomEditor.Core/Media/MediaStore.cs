using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Media;

/// <summary>
/// Where media files live (DESIGN.md §4): the private original of each asset, by asset id, and the
/// public renditions, by their content-addressed file names. The local disk by default; a blob
/// store implements the same interface when one machine is outgrown. Names are always generated
/// here or by the pipeline, never taken from the uploader.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores the original as uploaded, read from <paramref name="content"/> (which the caller disposes).</summary>
    Task SaveOriginalAsync(Guid assetId, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The original as uploaded, or null when it is gone.</summary>
    Task<Stream?> OpenOriginalAsync(Guid assetId, CancellationToken cancellationToken = default);

    Task SavePublicAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>A public rendition, or null when no such file exists or the name is not a rendition name.</summary>
    Task<Stream?> OpenPublicAsync(string fileName, CancellationToken cancellationToken = default);

    Task<bool> PublicExistsAsync(string fileName, CancellationToken cancellationToken = default);

    /// <summary>Deletes an asset's original and the given public renditions; missing files are not an error.</summary>
    Task DeleteAsync(Guid assetId, IEnumerable<string> publicFileNames, CancellationToken cancellationToken = default);
}

/// <summary>The public rendition file names: <c>{16 hex digits}-{width}.{webp|jpg}</c>, nothing else.</summary>
public static partial class MediaFileNames
{
    [GeneratedRegex("^[0-9a-f]{16}-[1-9][0-9]{0,4}\\.(webp|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex RenditionPattern();

    public static bool IsRendition(string? fileName) => fileName is not null && RenditionPattern().IsMatch(fileName);

    /// <summary>The Content-Type of a rendition name, or null for any other name.</summary>
    public static string? ContentType(string? fileName) =>
        !IsRendition(fileName) ? null
        : fileName!.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp"
        : "image/jpeg";
}

/// <summary>
/// <see cref="IMediaStore"/> on the local disk: <c>{DataFolder}/media/originals/{id}</c> (private,
/// never served) and <c>{DataFolder}/media/public/{name}</c> (served by <c>/media/{name}</c>);
/// outside wwwroot. Files are written to a temporary name and moved into place, so a reader never
/// sees half a file.
/// </summary>
public sealed class LocalDiskMediaStore : IMediaStore
{
    private readonly string _originals;
    private readonly string _public;

    public LocalDiskMediaStore(IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var root = Path.Combine(storage.Value.DataFolder, "media");
        _originals = Path.Combine(root, "originals");
        _public = Path.Combine(root, "public");
    }

    public string OriginalsFolder => _originals;

    public string PublicFolder => _public;

    public Task SaveOriginalAsync(Guid assetId, Stream content, CancellationToken cancellationToken = default) =>
        WriteAsync(OriginalPath(assetId), (file, token) => content.CopyToAsync(file, token), cancellationToken);

    public Task<Stream?> OpenOriginalAsync(Guid assetId, CancellationToken cancellationToken = default) =>
        Task.FromResult(OpenIfExists(OriginalPath(assetId)));

    public Task SavePublicAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(PublicPath(fileName) ?? throw new ArgumentException($"'{fileName}' is not a rendition file name.", nameof(fileName)),
            (file, token) => file.WriteAsync(content, token).AsTask(), cancellationToken);

    public Task<Stream?> OpenPublicAsync(string fileName, CancellationToken cancellationToken = default) =>
        Task.FromResult(PublicPath(fileName) is { } path ? OpenIfExists(path) : null);

    public Task<bool> PublicExistsAsync(string fileName, CancellationToken cancellationToken = default) =>
        Task.FromResult(PublicPath(fileName) is { } path && File.Exists(path));

    public Task DeleteAsync(Guid assetId, IEnumerable<string> publicFileNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicFileNames);
        File.Delete(OriginalPath(assetId));
        foreach (var name in publicFileNames)
        {
            if (PublicPath(name) is { } path)
                File.Delete(path);
        }
        return Task.CompletedTask;
    }

    private string OriginalPath(Guid assetId) => Path.Combine(_originals, assetId.ToString("N"));

    private string? PublicPath(string fileName) => MediaFileNames.IsRendition(fileName) ? Path.Combine(_public, fileName) : null;

    private static Stream? OpenIfExists(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await write(file, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
