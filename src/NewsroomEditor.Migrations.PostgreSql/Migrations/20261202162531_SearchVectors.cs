using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// The full-text search of stories and photos on PostgreSQL: two tsvector columns on each table,
    /// generated and stored, so that PostgreSQL itself recomputes them in the writing transaction of
    /// every insert and update, whatever code writes, and a GIN index on each. SearchVector holds the
    /// folded text (the app's fold, stored by the app: headline weight A, lead B, body C), which
    /// every term must match; ExactVector the text as written, which only adds to the rank of a term
    /// typed with its diacritics. The 'simple' configuration lowercases and keeps diacritics, and
    /// stems nothing. Punctuation becomes a space first, so that words split where the app splits
    /// them: PostgreSQL's parser would otherwise keep "anh_duong.jpg" or "a@b.vn" as one token.
    /// The columns are not in the EF model: only the search's SQL reads them. Existing rows are
    /// computed by the ALTER TABLE itself.
    /// </summary>
    public partial class SearchVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE "Stories"
                    ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                        {Weighted(Quoted("SearchHeadline"), 'A')} || {Weighted(Quoted("SearchLead"), 'B')} || {Weighted(Capped("SearchIndex"), 'C')}) STORED,
                    ADD COLUMN "ExactVector" tsvector GENERATED ALWAYS AS (
                        {Weighted(Quoted("Headline"), 'A')} || {Weighted(Quoted("Lead"), 'B')} || {Weighted(Capped("BodyText"), 'C')}) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Stories_SearchVector" ON "Stories" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Stories_ExactVector" ON "Stories" USING GIN ("ExactVector");""");

            migrationBuilder.Sql($"""
                ALTER TABLE "MediaAssets"
                    ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS ({Weighted(Quoted("SearchIndex"), 'A')}) STORED,
                    ADD COLUMN "ExactVector" tsvector GENERATED ALWAYS AS (
                        {Weighted(Quoted("AltText"), 'A')} || {Weighted(Quoted("Caption"), 'A')} || {Weighted(Quoted("Credit"), 'B')} || {Weighted(Quoted("OriginalFileName"), 'B')}) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_MediaAssets_SearchVector" ON "MediaAssets" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_MediaAssets_ExactVector" ON "MediaAssets" USING GIN ("ExactVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_MediaAssets_ExactVector";""");
            migrationBuilder.Sql("""DROP INDEX "IX_MediaAssets_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "ExactVector", DROP COLUMN "SearchVector";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Stories_ExactVector";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Stories_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Stories" DROP COLUMN "ExactVector", DROP COLUMN "SearchVector";""");
        }

        /// <summary>
        /// How much of a story's body is indexed, in characters. A tsvector holds at most 1 MB and a
        /// write whose generated vector would be larger fails, while a body may be 5 MB of JSON.
        /// 150,000 characters (some 25,000 words, far beyond any story) stay under the limit whatever
        /// the words: at worst, distinct two-character words of three-byte letters, under five bytes
        /// of vector per character. Words beyond it are not found.
        /// </summary>
        public const int IndexedBodyCharacters = 150_000;

        /// <summary>
        /// Words of a text as a tsvector of one weight. [:punct:] is, in a UTF-8 locale, every
        /// graphic character that is not a letter or digit ("“", "–", an emoji) as well as ASCII's.
        /// </summary>
        private static string Weighted(string text, char weight) =>
            $"setweight(to_tsvector('simple', regexp_replace({text}, '[[:space:][:punct:][:cntrl:]]+', ' ', 'g')), '{weight}')";

        private static string Quoted(string column) => $"\"{column}\"";

        private static string Capped(string column) => $"left({Quoted(column)}, {IndexedBodyCharacters})";
    }
}
