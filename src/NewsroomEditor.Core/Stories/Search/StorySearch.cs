using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Stories.Search;

/// <summary>
/// Finds and ranks the stories of a query that match a search, on whichever database the app runs:
/// headline matches first, then lead, then body, and a word found with the diacritics it was typed
/// with above one that only folds to it. Filters (state, section, author, language, who may see
/// what) stay in the query given, so one query does both.
/// </summary>
internal static class StorySearch
{
    /// <summary>
    /// The stories of <paramref name="stories"/> that contain every term, best match first and the
    /// newest first among equals. On SQLite this is the FTS5 index <c>StorySearch</c>, which the
    /// database's own triggers keep in step with every write to <c>Stories</c>, in its transaction.
    /// On PostgreSQL it is <see cref="ByTextSearchVector"/>, over the tsvector columns PostgreSQL
    /// generates itself on every write. Elsewhere (SQL Server) it is <see cref="ByFoldedText"/>.
    /// </summary>
    public static IQueryable<Story> Ranked(NewsroomDbContext db, IQueryable<Story> stories, SearchTerms search)
    {
        if (search.IsEmpty)
            return stories;
        if (search.MatchesNothing)
            return stories.Where(_ => false);
        if (db.Database.IsSqlite())
            return ByFullTextIndex(db, stories, search);
        return db.Database.IsNpgsql() ? ByTextSearchVector(db, stories, search) : ByFoldedText(stories, search);
    }

    /// <summary>
    /// One page of <paramref name="ranked"/> (a <see cref="Ranked"/> query), in rank order, read in
    /// two steps: the page's ids, ranked on the index and each story's key and UpdatedAt alone, then
    /// <paramref name="rows"/> of those ids by key. In one step SQLite would sort every hit with all
    /// the page's columns, reading each story's row for them: the row holds its text, which spills
    /// over several pages, and the columns after it are read through them all, so a search for a
    /// common word read most of the archive to show twenty stories.
    /// </summary>
    public static async Task<List<T>> PageAsync<T>(
        NewsroomDbContext db, IQueryable<Story> ranked, int skip, int take,
        Func<IQueryable<Story>, IQueryable<T>> rows, Func<T, Guid> idOf, CancellationToken cancellationToken)
    {
        var ids = await ranked.Select(s => s.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return [];
        var position = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var found = await rows(db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id))).ToListAsync(cancellationToken);
        return found.OrderBy(row => position[idOf(row)]).ToList();
    }

    /// <summary>
    /// The headline and a passage of each of <paramref name="ids"/> with the matched words marked:
    /// the texts are read by key for one page of results, once the ranked page is known.
    /// </summary>
    public static async Task<Dictionary<Guid, SearchExcerpt>> ExcerptsAsync(
        NewsroomDbContext db, IReadOnlyCollection<Guid> ids, SearchTerms search, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || search.IsEmpty)
            return [];
        var texts = await db.Stories.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Headline, s.Lead, s.BodyText })
            .ToListAsync(cancellationToken);
        return texts.ToDictionary(t => t.Id, t => SearchHighlight.Excerpt(search, t.Headline, t.Lead, t.BodyText));
    }

    /// <summary>
    /// The SQLite FTS5 search: one MATCH, ranked by bm25 with the columns' weights, newest first
    /// among equals. Each hit's UpdatedAt comes from the (Id, UpdatedAt) index, named because SQLite
    /// would otherwise look the key up in the primary key's index and read the story's row for it:
    /// the row holds the story's text, which spills over several pages, and a column stored after
    /// it is read through them all, for every hit of a common word.
    /// </summary>
    internal static IQueryable<Story> ByFullTextIndex(NewsroomDbContext db, IQueryable<Story> stories, SearchTerms search)
    {
        var match = Fts5Match.Expression(search, "{SearchHeadline SearchLead SearchIndex}", "{Headline Lead BodyText}");
        var hits = db.Database.SqlQuery<StorySearchHit>($"""
            SELECT k.StoryId AS StoryId, bm25(StorySearch, 10.0, 4.0, 1.0, 20.0, 8.0, 2.0) AS Rank, u.UpdatedAt AS UpdatedAt
            FROM StorySearch JOIN StorySearchKeys AS k ON k.Id = StorySearch.rowid
            JOIN Stories AS u INDEXED BY IX_Stories_Id_UpdatedAt ON u.Id = k.StoryId
            WHERE StorySearch MATCH {match}
            """);
        return stories
            .Join(hits, s => s.Id, h => h.StoryId, (s, h) => new { Story = s, h.Rank, h.UpdatedAt })
            .OrderBy(x => x.Rank)
            .ThenByDescending(x => x.UpdatedAt)
            .Select(x => x.Story);
    }

    /// <summary>
    /// The PostgreSQL search: every term a prefix of a word of the folded SearchVector (GIN
    /// indexed). The rank is ts_rank of any term (<see cref="TsQuery.AnyPrefix"/>) within each field's weight (headline A, lead B, body C)
    /// times that field's weight in the SQLite index (10, 4, 1), so that a word repeated in the
    /// body does not outrank it once in the lead, as it would in one ts_rank over all weights;
    /// a term typed with diacritics adds twice the same over the ExactVector of the text as
    /// written. ts_rank is higher-is-better, unlike bm25.
    /// </summary>
    internal static IQueryable<Story> ByTextSearchVector(NewsroomDbContext db, IQueryable<Story> stories, SearchTerms search)
    {
        var folded = TsQuery.AllPrefixes(search);
        var ranked = TsQuery.AnyPrefix(search);
        var exact = TsQuery.AnyExactPrefix(search);
        var hits = exact is null
            ? db.Database.SqlQuery<StorySearchHit>($$"""
                SELECT s."Id" AS "StoryId",
                       (10 * ts_rank('{0,0,0,1}', s."SearchVector", q.ranked)
                        + 4 * ts_rank('{0,0,1,0}', s."SearchVector", q.ranked)
                        + ts_rank('{0,1,0,0}', s."SearchVector", q.ranked))::float8 AS "Rank",
                       s."UpdatedAt" AS "UpdatedAt"
                FROM (SELECT to_tsquery('simple', {{folded}}) AS folded, to_tsquery('simple', {{ranked}}) AS ranked) AS q
                JOIN "Stories" AS s ON s."SearchVector" @@ q.folded
                """)
            : db.Database.SqlQuery<StorySearchHit>($$"""
                SELECT s."Id" AS "StoryId",
                       (10 * ts_rank('{0,0,0,1}', s."SearchVector", q.ranked)
                        + 4 * ts_rank('{0,0,1,0}', s."SearchVector", q.ranked)
                        + ts_rank('{0,1,0,0}', s."SearchVector", q.ranked)
                        + 2 * (10 * ts_rank('{0,0,0,1}', s."ExactVector", q.exact)
                               + 4 * ts_rank('{0,0,1,0}', s."ExactVector", q.exact)
                               + ts_rank('{0,1,0,0}', s."ExactVector", q.exact)))::float8 AS "Rank",
                       s."UpdatedAt" AS "UpdatedAt"
                FROM (SELECT to_tsquery('simple', {{folded}}) AS folded, to_tsquery('simple', {{ranked}}) AS ranked, to_tsquery('simple', {{exact}}) AS exact) AS q
                JOIN "Stories" AS s ON s."SearchVector" @@ q.folded
                """);
        return stories
            .Join(hits, s => s.Id, h => h.StoryId, (s, h) => new { Story = s, h.Rank, h.UpdatedAt })
            .OrderByDescending(x => x.Rank)
            .ThenByDescending(x => x.UpdatedAt)
            .Select(x => x.Story);
    }

    /// <summary>
    /// The search without a full-text index: every term a substring of the folded text (a scan,
    /// fine for thousands of stories, not for an archive), ranked by where the terms occur with
    /// the same weights as the index. Case and accents of the exact match follow the database's
    /// collation (on SQL Server's default, case-insensitive and accent-sensitive, as wanted).
    /// </summary>
    internal static IQueryable<Story> ByFoldedText(IQueryable<Story> stories, SearchTerms search)
    {
        foreach (var term in search.Terms)
        {
            var folded = term.Folded;
            stories = stories.Where(s => s.SearchIndex.Contains(folded));
        }
        var scored = stories.Select(s => new { Story = s, Score = 0 });
        foreach (var term in search.Terms)
        {
            var folded = term.Folded;
            scored = scored.Select(x => new
            {
                x.Story,
                Score = x.Score + (x.Story.SearchHeadline.Contains(folded) ? 10 : 0) + (x.Story.SearchLead.Contains(folded) ? 4 : 0),
            });
            if (!term.HasDiacritics)
                continue;
            var exact = term.Exact;
            scored = scored.Select(x => new
            {
                x.Story,
                Score = x.Score + (x.Story.Headline.Contains(exact) ? 20 : 0) + (x.Story.Lead.Contains(exact) ? 8 : 0)
                    + (x.Story.BodyText.Contains(exact) ? 2 : 0),
            });
        }
        return scored.OrderByDescending(x => x.Score).ThenByDescending(x => x.Story.UpdatedAt).Select(x => x.Story);
    }
}

/// <summary>
/// A row of the full-text index: which story matched, how well (lower is better as bm25 gives it,
/// higher as ts_rank does), and when it last changed (the tie-break, read from an index).
/// </summary>
internal sealed record StorySearchHit(Guid StoryId, double Rank, DateTime UpdatedAt);

/// <summary>
/// The FTS5 query of a search. Each term is a quoted string (so nothing typed is read as FTS5
/// syntax) matched as a prefix in the folded columns; a term typed with diacritics may also match
/// the unfolded columns, which only adds to its rank: whatever matches there matches folded too.
/// </summary>
internal static class Fts5Match
{
    /// <param name="search">The terms; at least one.</param>
    /// <param name="foldedColumns">The index's folded columns, as an FTS5 column filter (<c>{A B}</c>).</param>
    /// <param name="exactColumns">The index's columns of the text as written, the same way.</param>
    public static string Expression(SearchTerms search, string foldedColumns, string exactColumns) =>
        string.Join(" AND ", search.Terms.Select(term => term.HasDiacritics
            ? $"({foldedColumns} : {Quote(term.Folded)}* OR {exactColumns} : {Quote(term.Exact)}*)"
            : $"{foldedColumns} : {Quote(term.Folded)}*"));

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// The PostgreSQL tsquery texts of a search, passed as parameters. Each term is a quoted lexeme
/// (so nothing typed is read as tsquery syntax: the terms hold only letters, digits and marks,
/// and a quote would be doubled anyway) matched as a prefix.
/// </summary>
internal static class TsQuery
{
    /// <summary>Every term as a prefix of the folded text: <c>'t1':* &amp; 't2':*</c>.</summary>
    public static string AllPrefixes(SearchTerms search) =>
        string.Join(" & ", search.Terms.Select(term => Prefix(term.Folded)));

    /// <summary>
    /// Any term as a prefix of the folded text, what the rank is computed over: ts_rank of an AND
    /// of prefixes scores a prefix that matches two words of a text ("lu" in "lũ lụt") as no match
    /// at all, while ts_rank of an OR sums each term's occurrences.
    /// </summary>
    public static string AnyPrefix(SearchTerms search) =>
        string.Join(" | ", search.Terms.Select(term => Prefix(term.Folded)));

    /// <summary>Any term typed with diacritics as a prefix of the text as written, or null when none was.</summary>
    public static string? AnyExactPrefix(SearchTerms search)
    {
        var exact = search.Terms.Where(term => term.HasDiacritics).Select(term => Prefix(term.Exact)).ToList();
        return exact.Count == 0 ? null : string.Join(" | ", exact);
    }

    private static string Prefix(string word) =>
        "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "':*";
}
