using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.DataBench;

/// <summary>A person of the generated newsroom: the account and the actor the domain sees.</summary>
public sealed record Person(Actor Actor, string Role);

/// <summary>An asset as the story generator needs it: what it may feature, and from when.</summary>
public sealed record AssetRef(Guid Id, DateTime UploadedAt, bool HasAltText, string Caption);

/// <summary>
/// The people, sections and media library of the generated newsroom, made through the product:
/// accounts with <see cref="UserManager{TUser}"/>, sections with the <see cref="Section"/>
/// constructor, assets with <see cref="MediaAsset"/>'s own factory and description (internal to
/// the Core, so called by reflection: the bench is not among the Core's friend assemblies).
/// </summary>
public static class Newsroom
{
    public const string Password = "bench passphrase, long enough";

    /// <summary>The sections a newsroom adds to the seeded four, in the order of <see cref="ArchiveText"/>'s topics.</summary>
    private static readonly (string Vi, string En)[] ExtraSections =
        [("Thế giới", "World"), ("Giáo dục", "Education"), ("Sức khỏe", "Health"), ("Công nghệ", "Technology"), ("Pháp luật", "Law")];

    private static readonly MethodInfo CreateAsset = typeof(MediaAsset).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("MediaAsset.Create was not found; the bench follows the Core's model and needs updating.");

    private static readonly MethodInfo DescribeAsset = typeof(MediaAsset).GetMethod("Describe", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("MediaAsset.Describe was not found; the bench follows the Core's model and needs updating.");

    private static readonly int[] RenditionWidths = [320, 640, 1024, 1600, 2048];

    public static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, as Guid.NewGuid makes
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>
    /// 50 people: 3 admins, 15 editors, 32 reporters, made as an admin's screen makes them
    /// (UserManager, password policy and all), with ids from <paramref name="random"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Person>> CreatePeopleAsync(IServiceProvider services, Random random, DateTime createdAt)
    {
        var plan = new List<(string Email, string Role)>();
        for (var i = 1; i <= 3; i++) plan.Add(($"admin{i}@bench.vn", Roles.Admin));
        for (var i = 1; i <= 15; i++) plan.Add(($"editor{i:00}@bench.vn", Roles.Editor));
        for (var i = 1; i <= 32; i++) plan.Add(($"reporter{i:00}@bench.vn", Roles.Reporter));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<Person>();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // One PBKDF2 hash for all fifty (each takes a noticeable fraction of a second here); the
        // password policy is checked once, on this password, by the first CreateAsync.
        string? passwordHash = null;
        foreach (var (email, role) in plan)
        {
            string name;
            do name = ArchiveText.PersonName(random); while (!names.Add(name));
            var user = new ApplicationUser
            {
                Id = NextGuid(random).ToString(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = createdAt,
            };
            if (passwordHash is not null)
                user.PasswordHash = passwordHash;
            var created = passwordHash is null ? await users.CreateAsync(user, Password) : await users.CreateAsync(user);
            passwordHash ??= user.PasswordHash;
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
                throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            people.Add(new Person(Actor.Create(user.Id, name, role), role));
        }
        return people;
    }

    /// <summary>The seeded sections and the newsroom's additions, one per topic of <see cref="ArchiveText"/>, by sort order.</summary>
    public static async Task<IReadOnlyList<Section>> CreateSectionsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var existing = await db.Sections.OrderBy(s => s.SortOrder).ToListAsync();
        var order = existing.Count == 0 ? 0 : existing.Max(s => s.SortOrder);
        foreach (var (vi, en) in ExtraSections)
            db.Sections.Add(new Section(vi, en, ++order));
        await db.SaveChangesAsync();
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync();
        if (sections.Count != ArchiveText.TopicCount)
            throw new InvalidOperationException($"Expected {ArchiveText.TopicCount} sections (the seed's and ours), found {sections.Count}.");
        return sections;
    }

    /// <summary>
    /// <paramref name="count"/> processed uploads spread over the archive's years, 95% described
    /// with alt text, caption and credit. Rows only: the rendition files are not written, so the
    /// public site shows these images as missing (no column needs a file).
    /// </summary>
    public static List<MediaAsset> CreateAssets(IReadOnlyList<Person> people, ArchiveText text, Random random, int count, DateTime from, DateTime to)
    {
        var uploaders = people.Where(p => p.Actor.CanWrite).ToList();
        var span = (to - from).Ticks;
        var assets = new List<MediaAsset>(count);
        (int W, int H)[] sizes = [(6000, 4000), (4032, 3024), (5472, 3648), (1920, 1080), (3000, 2000), (1200, 800), (4000, 6000)];
        for (var i = 0; i < count; i++)
        {
            var uploader = ArchiveText.Pick(random, uploaders).Actor;
            var uploadedAt = from.AddTicks((long)(span * ((i + random.NextDouble()) / count)));
            var (width, height) = ArchiveText.Pick(random, sizes);
            var format = random.NextDouble() switch { < 0.85 => MediaFormat.Jpeg, < 0.95 => MediaFormat.Png, _ => MediaFormat.Webp };
            var sha = new byte[32];
            random.NextBytes(sha);
            var bytes = (long)(width * (long)height * (0.15 + random.NextDouble() * 0.5));
            var renditions = new List<MediaRendition>();
            foreach (var w in RenditionWidths.Where(w => w <= width).DefaultIfEmpty(width))
            {
                var h = (int)Math.Round((double)height * w / width);
                renditions.Add(new MediaRendition(w, h, "webp", $"{HexName(random)}-{w}.webp", w * h / 12));
                renditions.Add(new MediaRendition(w, h, "jpeg", $"{HexName(random)}-{w}.jpg", w * h / 8));
            }
            var extension = format switch { MediaFormat.Png => "png", MediaFormat.Webp => "webp", _ => "jpg" };
            var fileName = random.NextDouble() < 0.5 ? $"IMG_{random.Next(1000, 9999)}.{extension}" : $"{ArchiveText.Syllable(random)}-{i}.{extension}";
            var asset = (MediaAsset)CreateAsset.Invoke(null,
                [NextGuid(random), uploader, fileName, format, Convert.ToHexStringLower(sha), bytes, width, height, renditions, uploadedAt])!;
            if (random.NextDouble() < 0.95)
            {
                var topic = random.Next(ArchiveText.TopicCount);
                var metadata = new MediaMetadata(
                    Trim(text.Sentence(random, "vi", topic), MediaAsset.AltTextMaxLength),
                    Trim(text.Sentence(random, "vi", topic), MediaAsset.CaptionMaxLength),
                    random.NextDouble() < 0.8 ? $"Ảnh: {uploader.DisplayName}" : "Ảnh: Tư liệu");
                DescribeAsset.Invoke(asset, [uploader, metadata, uploadedAt.AddMinutes(random.Next(1, 120))]);
            }
            assets.Add(asset);
        }
        return assets;
    }

    public static string Trim(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();

    private static string HexName(Random random)
    {
        Span<byte> bytes = stackalloc byte[8];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
