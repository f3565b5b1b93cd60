using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Data;

/// <summary>
/// Stories tagged before tag pages existed have no tag slugs; a migration derives them, in SQL,
/// exactly as the app derives them when a story is saved (Slugs.FromText per tag).
/// </summary>
public class TagSlugBackfillMigrationTests
{
    private const string MigrationBefore = "20261202004049_UserSessionsAndErasure";

    private static readonly string[][] TagSets =
    [
        ["Hội nghị", "Tỉnh ủy"],
        ["Đà Nẵng", "ĐỒNG BẰNG sông Cửu Long", "COVID-19", "Quốc hội khóa XV"],
        ["Thời sự", "thoi su", "THỜI SỰ!"],
        ["Phở & bánh mì", "café", "naïve résumé", "São Paulo", "2024"],
        ["  ---  ", "!!!", "Ngày 30/4 -- 1/5"],
        ["Nguyễn Thị Minh Khai", "Ưu đãi", "Ổn định", "Ỷ Lan"],
    ];

    [Fact]
    public async Task Migrating_stories_without_tag_slugs_derives_them_as_the_app_does()
    {
        await using var host = await CoreTestHost.StartAsync();
        var lan = await host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var expected = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var slugs = new Dictionary<Guid, string>();
            for (var i = 0; i < TagSets.Length; i++)
            {
                var story = Story.Create(lan, "vi", 1, StoryFactory.Now);
                story.Edit(lan, StoryFactory.Content($"Tin số {i}") with { Tags = TagSets[i] }, $"tin-so-{i}", StoryFactory.Now);
                db.Stories.Add(story);
                slugs[story.Id] = story.TagSlugs;
            }
            await db.SaveChangesAsync();
            return slugs;
        });
        Assert.Equal("|da-nang|dong-bang-song-cuu-long|covid-19|quoc-hoi-khoa-xv|", expected.Values.ElementAt(1));

        var fixedUp = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            // The data as it was before tag pages existed, then the migration applied to it.
            await db.Database.ExecuteSqlRawAsync("UPDATE Stories SET TagSlugs = ''");
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(MigrationBefore);
            await migrator.MigrateAsync();
            return await db.Stories.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.TagSlugs);
        });

        foreach (var (id, slugs) in expected)
            Assert.Equal(slugs, fixedUp[id]);
    }

    [Fact]
    public async Task Tag_slugs_already_there_are_left_as_they_are()
    {
        await using var host = await CoreTestHost.StartAsync();
        var lan = await host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);

        var slugs = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var story = Story.Create(lan, "vi", 1, StoryFactory.Now);
            story.Edit(lan, StoryFactory.Content() with { Tags = ["Hội nghị"] }, "hoi-nghi", StoryFactory.Now);
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE Stories SET TagSlugs = '|giu-nguyen|'");
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(MigrationBefore);
            await migrator.MigrateAsync();
            return await db.Stories.AsNoTracking().Select(s => s.TagSlugs).SingleAsync();
        });

        Assert.Equal("|giu-nguyen|", slugs);
    }
}
