using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// The original's save marks its published translations outdated in the same SaveChanges; a
/// translation saved by someone else at that very moment must not turn the writer's save into a
/// conflict, and the mark must still be made.
/// </summary>
public sealed class TranslationMarkingRaceTests
{
    [Fact]
    public async Task A_translation_saved_at_the_same_moment_neither_refuses_the_originals_save_nor_escapes_its_mark()
    {
        var race = new TranslationSavedJustBefore();
        await using var host = await CoreTestHost.StartAsync(services: s => s.ConfigureDbContext<NewsroomDbContext>(o => o.AddInterceptors(race)));
        var editor = await host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var (source, english) = await PublishedPairAsync(host, editor);
        var englishBefore = await Stories(host, s => s.GetAsync(editor, english));

        race.Arm(english);
        var current = await Stories(host, s => s.GetAsync(editor, source));
        var saved = await Stories(host, s => s.SaveAsync(editor, source, current.Version, StoryFactory.Content("Hội nghị Ban Chấp hành (cập nhật)")));

        Assert.True(race.Fired);
        Assert.True(saved.Saved);
        var translation = await Stories(host, s => s.GetAsync(editor, english));
        Assert.NotNull(translation.TranslationOutdatedSince);
        Assert.Equal(englishBefore.Version + 1, translation.Version); // the other save stands
        Assert.Equal("Hội nghị Ban Chấp hành (cập nhật)", (await Stories(host, s => s.GetAsync(editor, source))).Headline);
    }

    private static async Task<(Guid Source, Guid English)> PublishedPairAsync(CoreTestHost host, Actor editor)
    {
        var source = await Stories(host, s => s.CreateAsync(editor, "vi", 1));
        await SaveAsync(host, editor, source.Id, StoryFactory.Content());
        await Stories(host, s => s.TransitionAsync(editor, source.Id, StoryAction.Submit));
        await Stories(host, s => s.TransitionAsync(editor, source.Id, StoryAction.Publish));
        var english = await Stories(host, s => s.AddTranslationAsync(editor, source.Id, "en"));
        await SaveAsync(host, editor, english.Id, new StoryContent(
            "Provincial Party Committee meets", "On the morning of April 11, the committee met.",
            StoryBody.FromParagraphs(["The Secretary chaired the meeting."]), 1, ["Conference"], "Nguyễn Thu", "", ""));
        await Stories(host, s => s.TransitionAsync(editor, english.Id, StoryAction.Submit));
        await Stories(host, s => s.TransitionAsync(editor, english.Id, StoryAction.Publish));
        return (source.Id, english.Id);
    }

    private static async Task SaveAsync(CoreTestHost host, Actor actor, Guid id, StoryContent content)
    {
        var current = await Stories(host, s => s.GetAsync(actor, id));
        Assert.True((await Stories(host, s => s.SaveAsync(actor, id, current.Version, content))).Saved);
        await host.InScopeAsync(sp => sp.As(actor).GetRequiredService<EditLeaseService>().ReleaseAsync(id));
    }

    private static Task<T> Stories<T>(CoreTestHost host, Func<StoryServices, Task<T>> action) =>
        host.InScopeAsync(sp => action(StoryServices.From(sp)));

    /// <summary>
    /// Once armed, just before the first SaveChanges that would mark the translation, saves that
    /// translation from another connection (its version moves on), as a second person would.
    /// </summary>
    private sealed class TranslationSavedJustBefore : SaveChangesInterceptor
    {
        private Guid? _translation;

        public bool Fired { get; private set; }

        public void Arm(Guid translation) => _translation = translation;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_translation is { } id && eventData.Context is { } context
                && context.ChangeTracker.Entries<Story>().Any(e => e.Entity.Id == id && e.State == EntityState.Modified))
            {
                _translation = null;
                Fired = true;
                await using var other = new SqliteConnection(context.Database.GetConnectionString());
                await other.OpenAsync(cancellationToken);
                await using var command = other.CreateCommand();
                command.CommandText = "UPDATE Stories SET Version = Version + 1, Lead = Lead || ' (sửa)' WHERE Id = $id";
                command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
                Assert.Equal(1, await command.ExecuteNonQueryAsync(cancellationToken));
            }
            return result;
        }
    }
}
