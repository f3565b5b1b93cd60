using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TranslationOutdated : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_TranslationGroupId",
                table: "Stories");

            migrationBuilder.AddColumn<DateTime>(
                name: "TranslationOutdatedSince",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stories_TranslationGroupId_Language",
                table: "Stories",
                columns: new[] { "TranslationGroupId", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_TranslationGroupId_Language",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "TranslationOutdatedSince",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_TranslationGroupId",
                table: "Stories",
                column: "TranslationGroupId");
        }
    }
}
