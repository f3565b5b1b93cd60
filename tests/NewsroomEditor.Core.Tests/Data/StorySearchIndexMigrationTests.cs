using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Data;

/// <summary>
/// A database from before the full-text index: the migration folds the stored headlines and leads
/// in SQL exactly as the app folds them, and indexes every existing story.
/// </summary>
public class StorySearchIndexMigrationTests
{
    private const string MigrationBefore = "20261202044235_Outbox";

    private static readonly string[] Headlines =
    [
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "ĐỒNG BẰNG sông Cửu Long: Ưu đãi, Ổn định, Ỷ Lan",
        "Café, naïve résumé, São Paulo — Đà Nẵng 2024",
        "Nguyễn Thị Minh Khai — Thời sự!",
    ];

    [Fact]
    public async Task Existing_stories_are_folded_as_the_app_folds_them_and_indexed()
    {
        await using var host = await CoreTestHost.StartAsync();
        var lan = await host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var expected = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var folded = new Dictionary<Guid, (string Headline, string Lead)>();
            foreach (var headline in Headlines)
            {
                var story = Story.Create(lan, "vi", 1, StoryFactory.Now);
                story.Edit(lan, StoryFactory.Content(headline) with { Lead = headline.ToUpperInvariant() }, "", StoryFactory.Now);
                db.Stories.Add(story);
                folded[story.Id] = (story.SearchHeadline, story.SearchLead);
            }
            await db.SaveChangesAsync();
            return folded;
        });
        Assert.Equal("dong bang song cuu long: uu dai, on dinh, y lan", expected.Values.ElementAt(1).Headline);

        var migrated = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(MigrationBefore);
            await migrator.MigrateAsync();
            return await db.Stories.AsNoTracking().ToDictionaryAsync(s => s.Id, s => (s.SearchHeadline, s.SearchLead));
        });

        foreach (var (id, folded) in expected)
            Assert.Equal(folded, migrated[id]);
        var editor = await host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var found = await host.InScopeAsync(sp => StoryServices.From(sp).ListAsync(editor, new StoryQuery(Search: "dong bang")));
        Assert.Equal(1, found.TotalCount);
        var ranked = await host.InScopeAsync(sp => StoryServices.From(sp).ListAsync(editor, new StoryQuery(Search: "cafe sao")));
        Assert.Equal(expected.Keys.ElementAt(2), Assert.Single(ranked.Items).Id);
    }
}
