using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StoryListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Stories_Id_UpdatedAt",
                table: "Stories",
                columns: new[] { "Id", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_State_PublishedAt",
                table: "Stories",
                columns: new[] { "State", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Id_UpdatedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_State_PublishedAt",
                table: "Stories");
        }
    }
}
