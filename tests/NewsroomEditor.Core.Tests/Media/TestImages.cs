using System.Buffers.Binary;
using System.IO.Compression;
using NetVips;
using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Core.Tests.Media;

/// <summary>Images generated for the tests with NetVips (no binary fixtures in the repository).</summary>
internal static class TestImages
{
    static TestImages() => MediaImageProcessor.EnsureConfigured();

    /// <summary>An 8-bit sRGB gradient, <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static Image Gradient(int width, int height)
    {
        using var xy = Image.Xyz(width, height);
        using var r = xy[0] * (255.0 / width);
        using var g = xy[1] * (255.0 / height);
        using var b = r * 0.5 + 64;
        using var joined = r.Bandjoin(g, b);
        using var cast = joined.Cast(Enums.BandFormat.Uchar);
        return cast.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width, int height) { using var image = Gradient(width, height); return image.JpegsaveBuffer(q: 90); }

    public static byte[] Png(int width, int height) { using var image = Gradient(width, height); return image.PngsaveBuffer(); }

    public static byte[] Webp(int width, int height) { using var image = Gradient(width, height); return image.WebpsaveBuffer(); }

    /// <summary>A JPEG whose EXIF says: rotate 90° clockwise to show (orientation 6).</summary>
    public static byte[] JpegWithOrientation6(int width, int height)
    {
        using var image = Gradient(width, height);
        using var tagged = image.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    /// <summary>A JPEG carrying a GPS position (Hà Nội) and a camera make in its EXIF.</summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        using var image = Gradient(width, height);
        using var tagged = image.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "SpyCam");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "21/1 1/1 42/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "105/1 51/1 15/1");
        });
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    /// <summary>Pure red, converted to CMYK with libvips's built-in CMYK profile embedded.</summary>
    public static byte[] CmykJpeg(int width, int height)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var red = (black + new double[] { 255, 0, 0 }).Cast(Enums.BandFormat.Uchar);
        using var srgb = red.Copy(interpretation: Enums.Interpretation.Srgb);
        using var cmyk = srgb.IccTransform("cmyk", inputProfile: "srgb", embedded: false);
        Assert.Equal(Enums.Interpretation.Cmyk, cmyk.Interpretation);
        return cmyk.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.All);
    }

    /// <summary>A Display-P3-tagged PNG (a wide-gamut profile, as Adobe RGB is).</summary>
    public static byte[] P3TaggedPng(int width, int height)
    {
        using var image = Gradient(width, height);
        using var p3 = image.IccTransform("p3", inputProfile: "srgb", embedded: false);
        return p3.PngsaveBuffer(keep: Enums.ForeignKeep.All);
    }

    /// <summary>A valid PNG header announcing <paramref name="width"/> × <paramref name="height"/> pixels, and nothing else of substance.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();

        static void Chunk(Stream stream, string type, byte[] data)
        {
            var header = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
            System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
            stream.Write(header);
            stream.Write(data);
            var sum = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(sum, Crc32([.. header.AsSpan(4), .. data]));
            stream.Write(sum);
        }
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A real JPEG with a ZIP archive appended: opens as a photo and as an archive.</summary>
    public static byte[] JpegZipPolyglot()
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("payload.html").Open());
            entry.Write("<script>alert('owned')</script>");
        }
        return [.. Jpeg(400, 300), .. zipBytes.ToArray()];
    }

    /// <summary>Every field name libvips reports for an encoded image.</summary>
    public static IReadOnlyList<string> Fields(byte[] encoded)
    {
        using var image = Image.NewFromBuffer(encoded);
        return image.GetFields();
    }

    public static Image Load(byte[] encoded) => Image.NewFromBuffer(encoded);
}
