using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MediaWithoutStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An image is stored only once processed: every row says Ready, without a failure
            // reason, so the two columns carry nothing.
            migrationBuilder.DropColumn(
                name: "FailureReason",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "State",
                table: "MediaAssets");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureReason",
                table: "MediaAssets",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "MediaAssets",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Ready");
        }
    }
}
