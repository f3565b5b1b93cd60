using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Media;

/// <summary>The media library's search on a real PostgreSQL server, over the tsvector columns PostgreSQL generates.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMediaSearchTests(PostgreSqlServer server) : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _minh = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartOnPostgreSqlAsync(await server.CreateDatabaseAsync());
        _lan = await _host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _minh = await _host.CreateActorAsync("minh@example.vn", "Trần Minh", Roles.Reporter);
        _editor = await _host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_library_is_searched_without_case_or_diacritics_by_description_and_file_name()
    {
        var hoiNghi = (await UploadAsync(_lan, "IMG_0001.jpg", TestImages.Jpeg(300, 200))).Stored!;
        await Service(_lan, s => s.UpdateMetadataAsync(hoiNghi.Id, new MediaMetadata("", "Hội nghị Ban Chấp hành", "")));
        var duong = (await UploadAsync(_minh, "đường_phố.png", TestImages.Png(300, 200))).Stored!;

        Assert.Equal(hoiNghi.Id, Assert.Single((await Service(_editor, s => s.ListAsync(new MediaQuery("hoi ngh")))).Items).Id);
        Assert.Equal(duong.Id, Assert.Single((await Service(_editor, s => s.ListAsync(new MediaQuery("DUONG")))).Items).Id);
        Assert.Equal(duong.Id, Assert.Single((await Service(_editor, s => s.ListAsync(new MediaQuery("pho png")))).Items).Id);
        Assert.Equal(duong.Id, Assert.Single((await Service(_minh, s => s.ListAsync(new MediaQuery("pho", MineOnly: true)))).Items).Id);
        Assert.Empty((await Service(_lan, s => s.ListAsync(new MediaQuery("pho", MineOnly: true)))).Items);
    }

    [Fact]
    public async Task The_library_index_follows_descriptions_and_deletes_and_ranks_exact_diacritics_first()
    {
        var road = (await UploadAsync(_lan, "a.jpg", TestImages.Jpeg(300, 200))).Stored!;
        await Service(_lan, s => s.UpdateMetadataAsync(road.Id, new MediaMetadata("Con đường làng", "", "")));
        var name = (await UploadAsync(_lan, "b.jpg", TestImages.Jpeg(320, 200))).Stored!;
        await Service(_lan, s => s.UpdateMetadataAsync(name.Id, new MediaMetadata("Ông Dương", "", "")));

        Assert.Equal([road.Id, name.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("đường")))).Items.Select(i => i.Id));
        Assert.Equal([name.Id, road.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("dương")))).Items.Select(i => i.Id));
        // Typed without tones, neither is preferred: the newest first.
        Assert.Equal([name.Id, road.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("duong")))).Items.Select(i => i.Id));
        Assert.Empty((await Service(_editor, s => s.ListAsync(new MediaQuery("\" OR *")))).Items);
        Assert.Empty((await Service(_editor, s => s.ListAsync(new MediaQuery(":*&|!")))).Items);
        Assert.Empty((await Service(_editor, s => s.ListAsync(new MediaQuery("'); DROP TABLE \"MediaAssets\"; --")))).Items);
        Assert.Equal(2, (await Service(_editor, s => s.ListAsync(new MediaQuery("jpg")))).TotalCount);

        await Service(_lan, s => s.UpdateMetadataAsync(road.Id, new MediaMetadata("Cánh đồng lúa", "", "")));
        Assert.Equal([name.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("duong")))).Items.Select(i => i.Id));
        Assert.Equal([road.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("canh dong")))).Items.Select(i => i.Id));

        await _host.InScopeAsync(sp => sp.As(_editor).GetRequiredService<IMediaService>().DeleteAsync(name.Id));
        Assert.Empty((await Service(_editor, s => s.ListAsync(new MediaQuery("duong")))).Items);
        var matching = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Database
            .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "MediaAssets" WHERE "SearchVector" @@ to_tsquery('simple', 'jpg')""").SingleAsync());
        Assert.Equal(1, matching);
    }

    private Task<UploadResult> UploadAsync(Actor actor, string name, byte[] bytes) =>
        Service(actor, s => s.UploadAsync(name, new MemoryStream(bytes)));

    private Task<T> Service<T>(Actor actor, Func<IMediaService, Task<T>> action) =>
        _host.InScopeAsync(sp => action(sp.As(actor).GetRequiredService<IMediaService>()));
}
