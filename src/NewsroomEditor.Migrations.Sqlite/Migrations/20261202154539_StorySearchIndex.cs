using Microsoft.EntityFrameworkCore.Migrations;
using NewsroomEditor.Core.Data;

#nullable disable

namespace NewsroomEditor.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The stories' full-text index: the headline and lead folded on their own (filled here from
    /// the stored text), and an FTS5 table over the folded and the unfolded text that SQLite's own
    /// triggers keep in step with every insert, content update and delete of a story, inside the
    /// writing transaction, whatever code writes it. The index is contentless (it stores no copy
    /// of the text); StorySearchKeys gives each story the stable integer key FTS5 rows need, since
    /// a table keyed by a GUID has no rowid that survives VACUUM. Existing stories are indexed here.
    /// </summary>
    public partial class StorySearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchHeadline",
                table: "Stories",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchLead",
                table: "Stories",
                type: "TEXT",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            foreach (var (headline, lead) in SqlFolding.Passes("Headline", "SearchHeadline", c => $"char({c})")
                         .Zip(SqlFolding.Passes("Lead", "SearchLead", c => $"char({c})")))
                migrationBuilder.Sql($"UPDATE Stories SET SearchHeadline = {headline}, SearchLead = {lead};");

            migrationBuilder.Sql("""
                CREATE TABLE StorySearchKeys (
                    Id INTEGER PRIMARY KEY,
                    StoryId TEXT NOT NULL UNIQUE);
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE StorySearch USING fts5(
                    SearchHeadline, SearchLead, SearchIndex, Headline, Lead, BodyText,
                    content = '', contentless_delete = 1, prefix = '2 3',
                    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'");
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER StorySearch_AfterInsert AFTER INSERT ON Stories BEGIN
                    INSERT INTO StorySearchKeys (StoryId) VALUES (new.Id);
                    INSERT INTO StorySearch (rowid, SearchHeadline, SearchLead, SearchIndex, Headline, Lead, BodyText)
                    VALUES ((SELECT Id FROM StorySearchKeys WHERE StoryId = new.Id),
                            new.SearchHeadline, new.SearchLead, new.SearchIndex, new.Headline, new.Lead, new.BodyText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER StorySearch_AfterUpdate AFTER UPDATE OF SearchHeadline, SearchLead, SearchIndex, Headline, Lead, BodyText ON Stories BEGIN
                    DELETE FROM StorySearch WHERE rowid = (SELECT Id FROM StorySearchKeys WHERE StoryId = old.Id);
                    INSERT INTO StorySearch (rowid, SearchHeadline, SearchLead, SearchIndex, Headline, Lead, BodyText)
                    VALUES ((SELECT Id FROM StorySearchKeys WHERE StoryId = new.Id),
                            new.SearchHeadline, new.SearchLead, new.SearchIndex, new.Headline, new.Lead, new.BodyText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER StorySearch_AfterDelete AFTER DELETE ON Stories BEGIN
                    DELETE FROM StorySearch WHERE rowid = (SELECT Id FROM StorySearchKeys WHERE StoryId = old.Id);
                    DELETE FROM StorySearchKeys WHERE StoryId = old.Id;
                END;
                """);
            migrationBuilder.Sql("INSERT INTO StorySearchKeys (StoryId) SELECT Id FROM Stories;");
            migrationBuilder.Sql("""
                INSERT INTO StorySearch (rowid, SearchHeadline, SearchLead, SearchIndex, Headline, Lead, BodyText)
                SELECT k.Id, s.SearchHeadline, s.SearchLead, s.SearchIndex, s.Headline, s.Lead, s.BodyText
                FROM Stories AS s JOIN StorySearchKeys AS k ON k.StoryId = s.Id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER StorySearch_AfterInsert;");
            migrationBuilder.Sql("DROP TRIGGER StorySearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER StorySearch_AfterDelete;");
            migrationBuilder.Sql("DROP TABLE StorySearch;");
            migrationBuilder.Sql("DROP TABLE StorySearchKeys;");

            migrationBuilder.DropColumn(
                name: "SearchHeadline",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "SearchLead",
                table: "Stories");
        }
    }
}
