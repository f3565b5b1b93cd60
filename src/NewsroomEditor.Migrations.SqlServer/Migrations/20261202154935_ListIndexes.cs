using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each list's index serves its filter and its whole order, the id breaking ties of time,
            // so that a page is read off the index without a sort; a section's public page, every
            // language's published stories (sitemaps) and a reporter's published get their own.
            migrationBuilder.DropIndex(
                name: "IX_Stories_State_Language_PublishedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_State_SubmittedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_MediaAssets_UploadedAt",
                table: "MediaAssets");

            migrationBuilder.DropIndex(
                name: "IX_MediaAssets_UploaderId_UploadedAt",
                table: "MediaAssets");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AuthorId_State_PublishedAt",
                table: "Stories",
                columns: new[] { "AuthorId", "State", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_Language_PublishedAt_Id",
                table: "Stories",
                columns: new[] { "State", "Language", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_Language_SectionId_PublishedAt_Id",
                table: "Stories",
                columns: new[] { "State", "Language", "SectionId", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_PublishedAt_Id",
                table: "Stories",
                columns: new[] { "State", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_SubmittedAt_Id",
                table: "Stories",
                columns: new[] { "State", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_UploadedAt_Id",
                table: "MediaAssets",
                columns: new[] { "UploadedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_UploaderId_UploadedAt_Id",
                table: "MediaAssets",
                columns: new[] { "UploaderId", "UploadedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_AuthorId_State_PublishedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_State_Language_PublishedAt_Id",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_State_Language_SectionId_PublishedAt_Id",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_State_PublishedAt_Id",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_State_SubmittedAt_Id",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_MediaAssets_UploadedAt_Id",
                table: "MediaAssets");

            migrationBuilder.DropIndex(
                name: "IX_MediaAssets_UploaderId_UploadedAt_Id",
                table: "MediaAssets");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_Language_PublishedAt",
                table: "Stories",
                columns: new[] { "State", "Language", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_SubmittedAt",
                table: "Stories",
                columns: new[] { "State", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_UploadedAt",
                table: "MediaAssets",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_UploaderId_UploadedAt",
                table: "MediaAssets",
                columns: new[] { "UploaderId", "UploadedAt" });
        }
    }
}
