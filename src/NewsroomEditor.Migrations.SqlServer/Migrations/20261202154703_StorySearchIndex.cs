using Microsoft.EntityFrameworkCore.Migrations;
using NewsroomEditor.Core.Data;

#nullable disable

namespace NewsroomEditor.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The headline and lead folded on their own, filled here from the stored text, so that a
    /// search ranks headline and lead matches first. SQL Server searches the folded text with LIKE
    /// (no full-text index: its full-text search needs a catalog and a service this app cannot
    /// assume, and cannot be created inside a migration's transaction).
    /// </summary>
    public partial class StorySearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchHeadline",
                table: "Stories",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchLead",
                table: "Stories",
                type: "nvarchar(600)",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            // A binary collation, so that each replacement matches its one character exactly: the
            // default collation would also match a letter's other case, or ignore a combining mark.
            const string Binary = "COLLATE Latin1_General_100_BIN2";
            foreach (var (headline, lead) in SqlFolding.Passes($"Headline {Binary}", $"SearchHeadline {Binary}", c => $"NCHAR({c})")
                         .Zip(SqlFolding.Passes($"Lead {Binary}", $"SearchLead {Binary}", c => $"NCHAR({c})")))
                migrationBuilder.Sql($"UPDATE Stories SET SearchHeadline = {headline}, SearchLead = {lead};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchHeadline",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "SearchLead",
                table: "Stories");
        }
    }
}
