using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Media;

/// <summary>
/// The media library's search, the stories' approach for photos: on SQLite the FTS5 index
/// <c>MediaSearch</c> over the folded alt text, caption, credit and file name and over the same
/// as written, kept in step by the database's triggers; on PostgreSQL the tsvector columns it
/// generates itself over the same texts; elsewhere the folded text with LIKE. A
/// photo whose words were typed with their diacritics ranks first; then the newest.
/// </summary>
internal static class MediaSearch
{
    public static IQueryable<MediaAsset> Ranked(NewsroomDbContext db, IQueryable<MediaAsset> assets, SearchTerms search)
    {
        if (search.IsEmpty)
            return NewestFirst(assets);
        if (search.MatchesNothing)
            return assets.Where(_ => false);
        if (db.Database.IsSqlite())
            return ByFullTextIndex(db, assets, search);
        return db.Database.IsNpgsql() ? ByTextSearchVector(db, assets, search) : ByFoldedText(assets, search);
    }

    internal static IQueryable<MediaAsset> ByFullTextIndex(NewsroomDbContext db, IQueryable<MediaAsset> assets, SearchTerms search)
    {
        var match = Fts5Match.Expression(search, "{SearchIndex}", "{AltText Caption Credit OriginalFileName}");
        var hits = db.Database.SqlQuery<MediaSearchHit>($"""
            SELECT k.MediaId AS MediaId, bm25(MediaSearch, 1.0, 4.0, 4.0, 2.0, 2.0) AS Rank
            FROM MediaSearch JOIN MediaSearchKeys AS k ON k.Id = MediaSearch.rowid
            WHERE MediaSearch MATCH {match}
            """);
        return assets
            .Join(hits, a => a.Id, h => h.MediaId, (a, h) => new { Asset = a, h.Rank })
            .OrderBy(x => x.Rank)
            .ThenByDescending(x => x.Asset.UploadedAt)
            .ThenByDescending(x => x.Asset.Id)
            .Select(x => x.Asset);
    }

    /// <summary>
    /// PostgreSQL: every term a prefix of a word of the folded SearchVector (GIN indexed); a term
    /// typed with diacritics found in the ExactVector ranks the photo higher, with the SQLite
    /// index's weights: alt text and caption (A) 4, credit and file name (B) 2 (ts_rank within
    /// each weight; higher is better).
    /// </summary>
    internal static IQueryable<MediaAsset> ByTextSearchVector(NewsroomDbContext db, IQueryable<MediaAsset> assets, SearchTerms search)
    {
        var folded = TsQuery.AllPrefixes(search);
        var ranked = TsQuery.AnyPrefix(search);
        var exact = TsQuery.AnyExactPrefix(search);
        var hits = exact is null
            ? db.Database.SqlQuery<MediaSearchHit>($$"""
                SELECT m."Id" AS "MediaId", ts_rank(m."SearchVector", q.ranked)::float8 AS "Rank"
                FROM (SELECT to_tsquery('simple', {{folded}}) AS folded, to_tsquery('simple', {{ranked}}) AS ranked) AS q
                JOIN "MediaAssets" AS m ON m."SearchVector" @@ q.folded
                """)
            : db.Database.SqlQuery<MediaSearchHit>($$"""
                SELECT m."Id" AS "MediaId",
                       (ts_rank(m."SearchVector", q.ranked)
                        + 4 * ts_rank('{0,0,0,1}', m."ExactVector", q.exact)
                        + 2 * ts_rank('{0,0,1,0}', m."ExactVector", q.exact))::float8 AS "Rank"
                FROM (SELECT to_tsquery('simple', {{folded}}) AS folded, to_tsquery('simple', {{ranked}}) AS ranked, to_tsquery('simple', {{exact}}) AS exact) AS q
                JOIN "MediaAssets" AS m ON m."SearchVector" @@ q.folded
                """);
        return assets
            .Join(hits, a => a.Id, h => h.MediaId, (a, h) => new { Asset = a, h.Rank })
            .OrderByDescending(x => x.Rank)
            .ThenByDescending(x => x.Asset.UploadedAt)
            .ThenByDescending(x => x.Asset.Id)
            .Select(x => x.Asset);
    }

    /// <summary>Without a full-text index: every term a substring of the folded text, newest first.</summary>
    internal static IQueryable<MediaAsset> ByFoldedText(IQueryable<MediaAsset> assets, SearchTerms search)
    {
        foreach (var term in search.Terms)
        {
            var folded = term.Folded;
            assets = assets.Where(a => a.SearchIndex.Contains(folded));
        }
        return NewestFirst(assets);
    }

    /// <summary>
    /// Newest first, the id in the same direction among equal times, so that the index
    /// (UploadedAt, Id) or (UploaderId, UploadedAt, Id) serves the whole order.
    /// </summary>
    private static IQueryable<MediaAsset> NewestFirst(IQueryable<MediaAsset> assets) =>
        assets.OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id);
}

/// <summary>A row of the media index: which photo matched, and how well (lower is better as bm25 gives it, higher as ts_rank does).</summary>
internal sealed record MediaSearchHit(Guid MediaId, double Rank);
