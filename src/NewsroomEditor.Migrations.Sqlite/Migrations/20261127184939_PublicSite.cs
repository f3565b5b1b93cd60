using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TagSlugs",
                table: "Stories",
                type: "TEXT",
                maxLength: 2421,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PastSlugs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PastSlugs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PastSlugs_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_Language_PublishedAt",
                table: "Stories",
                columns: new[] { "State", "Language", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PastSlugs_Language_Slug",
                table: "PastSlugs",
                columns: new[] { "Language", "Slug" });

            migrationBuilder.CreateIndex(
                name: "IX_PastSlugs_StoryId",
                table: "PastSlugs",
                column: "StoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PastSlugs");

            migrationBuilder.DropIndex(
                name: "IX_Stories_State_Language_PublishedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "TagSlugs",
                table: "Stories");
        }
    }
}
