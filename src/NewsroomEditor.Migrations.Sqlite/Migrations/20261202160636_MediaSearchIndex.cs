using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The media library's full-text index, as the stories' one: an FTS5 table over the folded
    /// search text and the alt text, caption, credit and file name as written, contentless, kept
    /// in step by triggers on MediaAssets, keyed through MediaSearchKeys; existing photos indexed here.
    /// </summary>
    public partial class MediaSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE MediaSearchKeys (
                    Id INTEGER PRIMARY KEY,
                    MediaId TEXT NOT NULL UNIQUE);
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE MediaSearch USING fts5(
                    SearchIndex, AltText, Caption, Credit, OriginalFileName,
                    content = '', contentless_delete = 1, prefix = '2 3',
                    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'");
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MediaSearch_AfterInsert AFTER INSERT ON MediaAssets BEGIN
                    INSERT INTO MediaSearchKeys (MediaId) VALUES (new.Id);
                    INSERT INTO MediaSearch (rowid, SearchIndex, AltText, Caption, Credit, OriginalFileName)
                    VALUES ((SELECT Id FROM MediaSearchKeys WHERE MediaId = new.Id),
                            new.SearchIndex, new.AltText, new.Caption, new.Credit, new.OriginalFileName);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MediaSearch_AfterUpdate AFTER UPDATE OF SearchIndex, AltText, Caption, Credit, OriginalFileName ON MediaAssets BEGIN
                    DELETE FROM MediaSearch WHERE rowid = (SELECT Id FROM MediaSearchKeys WHERE MediaId = old.Id);
                    INSERT INTO MediaSearch (rowid, SearchIndex, AltText, Caption, Credit, OriginalFileName)
                    VALUES ((SELECT Id FROM MediaSearchKeys WHERE MediaId = new.Id),
                            new.SearchIndex, new.AltText, new.Caption, new.Credit, new.OriginalFileName);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MediaSearch_AfterDelete AFTER DELETE ON MediaAssets BEGIN
                    DELETE FROM MediaSearch WHERE rowid = (SELECT Id FROM MediaSearchKeys WHERE MediaId = old.Id);
                    DELETE FROM MediaSearchKeys WHERE MediaId = old.Id;
                END;
                """);
            migrationBuilder.Sql("INSERT INTO MediaSearchKeys (MediaId) SELECT Id FROM MediaAssets;");
            migrationBuilder.Sql("""
                INSERT INTO MediaSearch (rowid, SearchIndex, AltText, Caption, Credit, OriginalFileName)
                SELECT k.Id, m.SearchIndex, m.AltText, m.Caption, m.Credit, m.OriginalFileName
                FROM MediaAssets AS m JOIN MediaSearchKeys AS k ON k.MediaId = m.Id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER MediaSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TRIGGER MediaSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER MediaSearch_AfterDelete;");
            migrationBuilder.Sql("DROP TABLE MediaSearch;");
            migrationBuilder.Sql("DROP TABLE MediaSearchKeys;");
        }
    }
}
