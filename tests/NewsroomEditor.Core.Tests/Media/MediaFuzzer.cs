using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Media;

/// <summary>
/// The child-process side of the fuzzing run (see <see cref="MediaFuzzingTests"/>): mutates valid
/// JPEG, PNG, WebP and AVIF files (bit flips, byte overwrites, truncations, length fields of
/// segments, chunks and boxes, header fields such as width, height and depth) with a seeded random
/// source, one per case, and sends each through the real upload path (ImageSniffer, then libvips
/// in <see cref="MediaImageProcessor"/>) of a real <see cref="IMediaService"/> over SQLite and disk.
/// Before each case the journal names it, so a crash of the process names the case that caused it.
/// </summary>
internal static class MediaFuzzer
{
    /// <summary>A case still running after this is a hang (libvips cannot be interrupted: the run stops there).</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    public static readonly string[] Formats = ["jpeg", "png", "webp", "avif"];

    public static async Task<int> RunAsync(string journalPath, int casesPerFormat, int seed)
    {
        await using var journal = new StreamWriter(journalPath, append: false) { AutoFlush = true };
        await using var host = await CoreTestHost.StartAsync();
        var reporter = await host.CreateActorAsync("fuzz@example.vn", "Fuzz", Roles.Reporter);
        var accepted = 0;
        var refused = 0;
        var errors = 0;
        var cases = 0;

        // The hand-made hostile corpus first: every file of it must be refused.
        foreach (var kind in MediaServiceTests.BadFileKinds)
        {
            var (name, bytes) = MediaServiceTests.BadFile(kind);
            await journal.WriteLineAsync($"case corpus {kind}");
            var outcome = await UploadAsync(host, reporter, name, bytes);
            await journal.WriteLineAsync($"corpus {kind} {outcome}");
            if (outcome == "hang")
                return Finish(journal, cases, accepted, refused, errors, hangs: 1);
        }

        for (var f = 0; f < Formats.Length; f++)
        {
            var format = Formats[f];
            var original = Seed(format);
            if (original is null)
            {
                await journal.WriteLineAsync($"skipped {format}: this libvips does not decode it");
                continue;
            }
            for (var index = 0; index < casesPerFormat; index++)
            {
                // Each case has a seed of its own, so any one can be run again alone.
                var random = new Random(unchecked(seed * 7919 + f * 1_000_003 + index) & int.MaxValue);
                var (mutated, mutation) = Mutate(format, original, random);
                await journal.WriteLineAsync($"case {format} {index} {mutation}");
                var outcome = await UploadAsync(host, reporter, $"fuzz-{index}.{format}", mutated);
                cases++;
                switch (outcome)
                {
                    case "accepted": accepted++; break;
                    case "refused": refused++; break;
                    case "hang": return Finish(journal, cases, accepted, refused, errors, hangs: 1);
                    default: errors++; break;
                }
                await journal.WriteLineAsync(outcome.StartsWith("error", StringComparison.Ordinal) ? outcome : "done " + outcome);
            }
        }
        return Finish(journal, cases, accepted, refused, errors, hangs: 0);
    }

    private static int Finish(StreamWriter journal, int cases, int accepted, int refused, int errors, int hangs)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        journal.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary cases={cases} accepted={accepted} refused={refused} errors={errors} hangs={hangs} peak-working-set={self.PeakWorkingSet64}"));
        journal.Flush();
        // A hung libvips job runs on a background thread: it does not keep the process from ending.
        return 0;
    }

    private static async Task<string> UploadAsync(CoreTestHost host, Core.Accounts.Actor reporter, string name, byte[] bytes)
    {
        var upload = host.InScopeAsync(sp => sp.As(reporter).GetRequiredService<IMediaService>().UploadAsync(name, new MemoryStream(bytes)));
        try
        {
            var result = await upload.WaitAsync(CaseTimeout);
            return result.Succeeded || result.ExistingDuplicate is not null ? "accepted" : "refused";
        }
        catch (TimeoutException)
        {
            return "hang";
        }
        catch (Exception e)
        {
            // Anything but a refusal would be a 500 for the uploader.
            return $"error {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    /// <summary>A small valid file of the format (with EXIF for JPEG), or null when libvips here cannot read it.</summary>
    private static byte[]? Seed(string format)
    {
        MediaImageProcessor.EnsureConfigured();
        using var image = TestImages.Gradient(96, 64);
        return format switch
        {
            "jpeg" => TestImages.JpegWithOrientation6(96, 64),
            "png" => image.PngsaveBuffer(),
            "webp" => image.WebpsaveBuffer(),
            "avif" when MediaImageProcessor.CanLoadAvif => image.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.None),
            _ => null,
        };
    }

    /// <summary>One or two mutations of a copy of <paramref name="original"/>, and what they were.</summary>
    internal static (byte[] Bytes, string Mutation) Mutate(string format, byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var fields = Fields(format, bytes);
        var steps = random.Next(4) == 0 ? 2 : 1;
        var described = new List<string>();
        for (var s = 0; s < steps; s++)
        {
            switch (random.Next(5))
            {
                case 0:
                {
                    var flips = 1 + random.Next(16);
                    // Half the time near the start, where the headers are.
                    var span = random.Next(2) == 0 ? Math.Min(bytes.Length, 512) : bytes.Length;
                    for (var f = 0; f < flips; f++)
                        bytes[random.Next(span)] ^= (byte)(1 << random.Next(8));
                    described.Add($"flip{flips}");
                    break;
                }
                case 1:
                {
                    byte[] interesting = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE];
                    var count = 1 + random.Next(8);
                    for (var b = 0; b < count; b++)
                        bytes[random.Next(bytes.Length)] = interesting[random.Next(interesting.Length)];
                    described.Add($"set{count}");
                    break;
                }
                case 2:
                {
                    var length = 1 + random.Next(bytes.Length - 1);
                    bytes = bytes[..length];
                    fields = fields.Where(f => f.Offset + f.Size <= length).ToList();
                    described.Add($"cut@{length}");
                    break;
                }
                case 3 when fields.Any(f => f.IsLength):
                {
                    var field = Pick(fields.Where(f => f.IsLength).ToList(), random);
                    var value = Interesting(field, Read(bytes, field), random);
                    Write(bytes, field, value);
                    described.Add($"{field.Name}={value}");
                    break;
                }
                case 4 when fields.Any(f => !f.IsLength):
                {
                    var field = Pick(fields.Where(f => !f.IsLength).ToList(), random);
                    var value = Interesting(field, Read(bytes, field), random);
                    Write(bytes, field, value);
                    described.Add($"{field.Name}={value}");
                    break;
                }
                default:
                {
                    // A format without such a field here: overwrite a run of bytes instead.
                    var at = random.Next(bytes.Length);
                    var run = Math.Min(1 + random.Next(32), bytes.Length - at);
                    random.NextBytes(bytes.AsSpan(at, run));
                    described.Add($"random{run}@{at}");
                    break;
                }
            }
        }
        return (bytes, string.Join('+', described));
    }

    private static Field Pick(List<Field> fields, Random random) => fields[random.Next(fields.Count)];

    private static ulong Interesting(Field field, ulong current, Random random)
    {
        var max = field.Size >= 8 ? ulong.MaxValue : (1UL << (8 * field.Size)) - 1;
        return random.Next(8) switch
        {
            0 => 0,
            1 => 1,
            2 => max,
            3 => max / 2 + 1,
            4 => Math.Min(max, current + 1),
            5 => current == 0 ? 0 : current - 1,
            6 => Math.Min(max, current * 2 + 16),
            _ => (ulong)random.NextInt64() & max,
        };
    }

    /// <summary>A field of a file's structure: where, how wide, its byte order, and whether it is a length.</summary>
    internal sealed record Field(string Name, int Offset, int Size, bool BigEndian, bool IsLength);

    private static ulong Read(byte[] bytes, Field f)
    {
        ulong value = 0;
        for (var i = 0; i < f.Size; i++)
        {
            var b = bytes[f.BigEndian ? f.Offset + i : f.Offset + f.Size - 1 - i];
            value = (value << 8) | b;
        }
        return value;
    }

    private static void Write(byte[] bytes, Field f, ulong value)
    {
        for (var i = 0; i < f.Size; i++)
        {
            var b = (byte)(value >> (8 * i));
            bytes[f.BigEndian ? f.Offset + f.Size - 1 - i : f.Offset + i] = b;
        }
    }

    /// <summary>Length and header fields of a valid file: JPEG segments, PNG chunks, WebP RIFF chunks, ISOBMFF boxes.</summary>
    internal static List<Field> Fields(string format, byte[] b) => format switch
    {
        "jpeg" => JpegFields(b),
        "png" => PngFields(b),
        "webp" => WebpFields(b),
        _ => BoxFields(b, 0, b.Length, []),
    };

    private static List<Field> JpegFields(byte[] b)
    {
        var fields = new List<Field>();
        var pos = 2;
        while (pos + 4 <= b.Length && b[pos] == 0xFF)
        {
            var marker = b[pos + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(pos + 2));
            fields.Add(new Field($"jpeg-{marker:X2}-length", pos + 2, 2, true, true));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && pos + 10 <= b.Length)
            {
                fields.Add(new Field("jpeg-precision", pos + 4, 1, true, false));
                fields.Add(new Field("jpeg-height", pos + 5, 2, true, false));
                fields.Add(new Field("jpeg-width", pos + 7, 2, true, false));
                fields.Add(new Field("jpeg-components", pos + 9, 1, true, false));
            }
            if (marker == 0xDA)
                break;
            pos += 2 + length;
        }
        return fields;
    }

    private static List<Field> PngFields(byte[] b)
    {
        var fields = new List<Field>();
        var pos = 8;
        while (pos + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(b, pos + 4, 4);
            fields.Add(new Field($"png-{type}-length", pos, 4, true, true));
            if (type == "IHDR")
            {
                fields.Add(new Field("png-width", pos + 8, 4, true, false));
                fields.Add(new Field("png-height", pos + 12, 4, true, false));
                fields.Add(new Field("png-bit-depth", pos + 16, 1, true, false));
                fields.Add(new Field("png-colour-type", pos + 17, 1, true, false));
                fields.Add(new Field("png-interlace", pos + 20, 1, true, false));
            }
            if (length > (uint)(b.Length - pos))
                break;
            pos += 12 + (int)length;
        }
        return fields;
    }

    private static List<Field> WebpFields(byte[] b)
    {
        var fields = new List<Field> { new("riff-size", 4, 4, false, true) };
        var pos = 12;
        while (pos + 8 <= b.Length)
        {
            var fourcc = System.Text.Encoding.ASCII.GetString(b, pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos + 4));
            fields.Add(new Field($"webp-{fourcc.Trim()}-size", pos + 4, 4, false, true));
            var data = pos + 8;
            if (fourcc == "VP8 " && data + 10 <= b.Length)
            {
                fields.Add(new Field("vp8-width", data + 6, 2, false, false));
                fields.Add(new Field("vp8-height", data + 8, 2, false, false));
            }
            else if (fourcc == "VP8L" && data + 5 <= b.Length)
            {
                fields.Add(new Field("vp8l-size-bits", data + 1, 4, false, false));
            }
            else if (fourcc == "VP8X" && data + 10 <= b.Length)
            {
                fields.Add(new Field("vp8x-flags", data, 1, false, false));
                fields.Add(new Field("vp8x-width", data + 4, 3, false, false));
                fields.Add(new Field("vp8x-height", data + 7, 3, false, false));
            }
            if (size > (uint)(b.Length - data))
                break;
            pos = data + (int)size + (int)(size & 1);
        }
        return fields;
    }

    private static readonly HashSet<string> Containers = ["meta", "iprp", "ipco", "dinf", "moov", "trak", "mdia", "minf", "stbl", "iinf"];

    private static List<Field> BoxFields(byte[] b, int start, int end, List<Field> fields)
    {
        var pos = start;
        while (pos + 8 <= end)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(b, pos + 4, 4);
            fields.Add(new Field($"box-{type}-size", pos, 4, true, true));
            if (size < 8 || size > (uint)(end - pos))
                break;
            var boxEnd = pos + (int)size;
            if (type == "ispe" && pos + 20 <= boxEnd)
            {
                fields.Add(new Field("ispe-width", pos + 12, 4, true, false));
                fields.Add(new Field("ispe-height", pos + 16, 4, true, false));
            }
            else if (type == "pixi" && pos + 13 <= boxEnd)
            {
                fields.Add(new Field("pixi-channels", pos + 12, 1, true, false));
            }
            else if (type is "iloc" or "pitm" or "ftyp" or "hdlr" && pos + 16 <= boxEnd)
            {
                fields.Add(new Field($"{type}-field", pos + 12, 4, true, false));
            }
            if (Containers.Contains(type))
            {
                // meta and iinf are full boxes: a version and flags before their children (iinf also a count).
                var children = pos + 8 + (type == "meta" ? 4 : type == "iinf" ? 6 : 0);
                BoxFields(b, children, boxEnd, fields);
            }
            pos = boxEnd;
        }
        return fields;
    }
}
