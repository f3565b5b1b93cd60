using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;

namespace NewsroomEditor.Core.Media;

/// <summary>
/// An upload written to a temporary file in the data folder as it is read, never held in memory:
/// its SHA-256 is computed on the way, the size limit is enforced while reading, and libvips then
/// decodes the file itself (<see cref="MediaImageProcessor.ProcessFileAsync"/>). Disposing deletes the
/// file, whatever happened: a refused or failed upload leaves nothing behind.
/// </summary>
internal sealed class SpooledUpload : IAsyncDisposable
{
    private const int ChunkBytes = 81920;

    private SpooledUpload(string path, long length, string sha256)
    {
        Path = path;
        Length = length;
        Sha256 = sha256;
    }

    /// <summary>The temporary file; a name made here, never the uploader's.</summary>
    public string Path { get; }

    public long Length { get; }

    /// <summary>The file's SHA-256, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Copies <paramref name="content"/> to a new file in <paramref name="folder"/>; null (and no
    /// file) as soon as it holds more than <paramref name="limit"/> bytes.
    /// </summary>
    public static async Task<SpooledUpload?> WriteAsync(Stream content, string folder, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek && content.Length - content.Position > limit)
            return null;
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N") + ".upload");
        var kept = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkBytes, useAsync: true))
            {
                var chunk = new byte[ChunkBytes];
                int read;
                while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > limit)
                        return null;
                    hash.AppendData(chunk, 0, read);
                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
            kept = true;
            return new SpooledUpload(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            if (!kept)
                File.Delete(path);
        }
    }

    /// <summary>
    /// Runs <paramref name="check"/> over the file's bytes, mapped into memory rather than copied:
    /// the pages read are the file's own (the operating system drops them once unmapped), so a
    /// whole-file check such as a JPEG's end marker costs no heap.
    /// </summary>
    public T Inspect<T>(ReadOnlySpanFunc<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (Length == 0)
            return check([]);
        using var mapped = MemoryMappedFile.CreateFromFile(Path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = mapped.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
        return MappedBytes.Read(view, Length, check);
    }

    /// <summary>Opens the file for reading (to store it as the original).</summary>
    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, useAsync: true);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A check over a file's bytes.</summary>
internal delegate T ReadOnlySpanFunc<out T>(ReadOnlySpan<byte> bytes);

/// <summary>The span over a mapped view: the one place here that touches a pointer.</summary>
internal static class MappedBytes
{
    public static unsafe T Read<T>(MemoryMappedViewAccessor view, long length, ReadOnlySpanFunc<T> check)
    {
        if (length > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(length), "A mapped upload is at most 2 GB.");
        byte* start = null;
        var handle = view.SafeMemoryMappedViewHandle;
        handle.AcquirePointer(ref start);
        try
        {
            return check(new ReadOnlySpan<byte>(start + view.PointerOffset, (int)length));
        }
        finally
        {
            handle.ReleasePointer();
        }
    }
}
