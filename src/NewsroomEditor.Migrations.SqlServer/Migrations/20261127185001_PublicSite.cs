using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.SqlServer.Migrations
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
                type: "nvarchar(2421)",
                maxLength: 2421,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PastSlugs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StoryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(140)", maxLength: 140, nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
