using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SearchTieBreakIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Stories_Id_UpdatedAt",
                table: "Stories",
                columns: new[] { "Id", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Id_UpdatedAt",
                table: "Stories");
        }
    }
}
