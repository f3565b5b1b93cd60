using System.Buffers.Binary;
using System.Text;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Media;

/// <summary>The image formats an upload may be, told by content (magic bytes), never by name.</summary>
public enum MediaFormat
{
    Jpeg,
    Png,
    Webp,
    Heic,
    Avif,
}

/// <summary>What the first bytes of an upload say: its format and, where the header gives them, its size.</summary>
internal readonly record struct SniffResult(MediaFormat? Format, int Width, int Height, string? Refusal)
{
    public static SniffResult Refused(string refusal) => new(null, 0, 0, refusal);
}

/// <summary>
/// Reads an upload's magic bytes and header without decoding it: the format, and the width and
/// height from the PNG IHDR, the JPEG SOF or the WebP VP8/VP8L/VP8X header, so that a pixel flood
/// is refused before libvips allocates anything. HEIC/AVIF sizes come from libvips's header read.
/// </summary>
internal static class ImageSniffer
{
    /// <summary>In the reader's language, like every refusal here (they reach the uploader as they are).</summary>
    public static string NotAnImage => DomainText.Get("The file is not a JPEG, PNG or WebP image (checked by its content, not its name).");

    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format's name as people write it.</summary>
    public static string Name(MediaFormat format) => format == MediaFormat.Webp ? "WebP" : format.ToString().ToUpperInvariant();

    public static SniffResult Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
            return SniffResult.Refused(DomainText.Get("The file is empty (0 bytes)."));
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return Jpeg(data);
        if (data.StartsWith(PngSignature))
            return Png(data);
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return Webp(data);
        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
            return Heif(data);
        return SniffResult.Refused(DescribeOther(data));
    }

    /// <summary>A ZIP end-of-central-directory record near the end (or a ZIP at the start): an archive riding along with an image.</summary>
    public static bool ContainsZipArchive(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("PK\u0003\u0004"u8))
            return true;
        // The EOCD record sits in the last 22 bytes plus at most a 64 KiB comment.
        var tail = data[Math.Max(0, data.Length - (22 + 65_535))..];
        return tail.IndexOf("PK\u0005\u0006"u8) >= 0;
    }

    /// <summary>
    /// A structural check that the file is whole: a JPEG's end-of-image marker after its image data
    /// (entropy-coded data never holds FF D9), a PNG's IEND chunk, a WebP's RIFF length. libvips only
    /// warns about a cut-short file when it shrinks on load, so this is checked before decoding.
    /// </summary>
    public static string? Incomplete(MediaFormat format, ReadOnlySpan<byte> data)
    {
        var whole = format switch
        {
            MediaFormat.Jpeg => JpegHasEnd(data),
            MediaFormat.Png => data.IndexOf(PngEnd) > 0,
            MediaFormat.Webp => data.Length >= 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]),
            _ => true,
        };
        return whole ? null : DomainText.Format("The {0} file is incomplete (cut short, perhaps by an interrupted copy); upload the whole file.", Name(format));
    }

    private static bool JpegHasEnd(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
                return false;
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                i += 2;
                continue;
            }
            if (marker == 0xDA)
                return data[i..].IndexOf([(byte)0xFF, (byte)0xD9]) > 0;
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
        }
        return false;
    }

    private static string DescribeOther(ReadOnlySpan<byte> data)
    {
        var head = Encoding.UTF8.GetString(data[..Math.Min(data.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        if (head.Contains("<svg", StringComparison.Ordinal))
            return DomainText.Get("SVG drawings are not accepted (they can carry scripts); upload a JPEG, PNG or WebP photo.");
        if (head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.Contains("<html", StringComparison.Ordinal)
            || head.Contains("<script", StringComparison.Ordinal) || head.Contains("<body", StringComparison.Ordinal))
            return DomainText.Get("The file is a web page (HTML), not an image, whatever its name says.");
        if (data.StartsWith("PK\u0003\u0004"u8))
            return DomainText.Get("The file is a ZIP archive, not an image.");
        if (data.StartsWith("GIF8"u8))
            return DomainText.Get("GIF images are not accepted; upload a JPEG, PNG or WebP.");
        return NotAnImage;
    }

    private static SniffResult Jpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (true)
        {
            while (i < data.Length && data[i] != 0xFF)
                i++;
            while (i < data.Length && data[i] == 0xFF)
                i++;
            if (i >= data.Length)
                return SniffResult.Refused(DomainText.Get("The JPEG file is incomplete: it ends before its frame header."));
            var marker = data[i++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
                continue;
            if (marker is 0xD9 or 0xDA)
                return SniffResult.Refused(DomainText.Get("The JPEG file is damaged: it has no frame header before its image data."));
            if (i + 2 > data.Length)
                return SniffResult.Refused(DomainText.Get("The JPEG file is incomplete: it ends inside a header."));
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
            if (length < 2)
                return SniffResult.Refused(DomainText.Get("The JPEG file is damaged: a header has an impossible length."));
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                if (i + 7 > data.Length)
                    return SniffResult.Refused(DomainText.Get("The JPEG file is incomplete: it ends inside its frame header."));
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                return new SniffResult(MediaFormat.Jpeg, width, height, null);
            }
            i += length;
        }
    }

    private static SniffResult Png(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || !data[12..16].SequenceEqual("IHDR"u8))
            return SniffResult.Refused(DomainText.Get("The PNG file is incomplete or damaged: its header (IHDR) is missing."));
        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        return new SniffResult(MediaFormat.Png, (int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue), null);
    }

    private static SniffResult Webp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
            return SniffResult.Refused(DomainText.Get("The WebP file is incomplete: its header is cut short."));
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (data[24] | data[25] << 8 | data[26] << 16);
            var height = 1 + (data[27] | data[28] << 8 | data[29] << 16);
            return new SniffResult(MediaFormat.Webp, width, height, null);
        }
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
                return SniffResult.Refused(DomainText.Get("The WebP file is damaged: its VP8 frame header is wrong."));
            var width = BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF;
            var height = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF;
            return new SniffResult(MediaFormat.Webp, width, height, null);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F)
                return SniffResult.Refused(DomainText.Get("The WebP file is damaged: its lossless header is wrong."));
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return new SniffResult(MediaFormat.Webp, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1, null);
        }
        return SniffResult.Refused(DomainText.Get("The WebP file is damaged: it has no VP8, VP8L or VP8X header."));
    }

    private static SniffResult Heif(ReadOnlySpan<byte> data)
    {
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), (uint)data.Length);
        var brands = new List<string>();
        for (var at = 8; at + 4 <= boxSize; at += 4)
        {
            if (at == 12)
                continue; // minor version, not a brand
            brands.Add(Encoding.ASCII.GetString(data.Slice(at, 4)));
        }
        if (brands.Contains("avif") || brands.Contains("avis"))
            return new SniffResult(MediaFormat.Avif, 0, 0, null);
        if (brands.Intersect(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1"]).Any())
            return new SniffResult(MediaFormat.Heic, 0, 0, null);
        return SniffResult.Refused(DomainText.Get("The file is a video or an unknown ISO media file, not a JPEG, PNG or WebP image."));
    }
}
