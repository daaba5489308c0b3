using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleAttentionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Kind_AcknowledgedAt_CreatedAt",
                table: "Alerts",
                columns: new[] { "Kind", "AcknowledgedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_Kind_AcknowledgedAt_CreatedAt",
                table: "Alerts");
        }
    }
}
