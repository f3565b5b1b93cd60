using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FeaturedImage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FeaturedCaption",
                table: "StoryRevisions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "FeaturedMediaId",
                table: "StoryRevisions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeaturedCaption",
                table: "Stories",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "FeaturedMediaId",
                table: "Stories",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stories_FeaturedMediaId",
                table: "Stories",
                column: "FeaturedMediaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_FeaturedMediaId",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "FeaturedCaption",
                table: "StoryRevisions");

            migrationBuilder.DropColumn(
                name: "FeaturedMediaId",
                table: "StoryRevisions");

            migrationBuilder.DropColumn(
                name: "FeaturedCaption",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "FeaturedMediaId",
                table: "Stories");
        }
    }
}
