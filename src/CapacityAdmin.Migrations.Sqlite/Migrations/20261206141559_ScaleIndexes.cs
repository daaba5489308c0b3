using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CreatedAt_Id",
                table: "Campaigns",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Name_Id",
                table: "Campaigns",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_PricingModel_Id",
                table: "Campaigns",
                columns: new[] { "PricingModel", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Status_Id",
                table: "Campaigns",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Bundles_Name_Id",
                table: "Bundles",
                columns: new[] { "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Campaigns_CreatedAt_Id",
                table: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_Name_Id",
                table: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_PricingModel_Id",
                table: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_Status_Id",
                table: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Bundles_Name_Id",
                table: "Bundles");
        }
    }
}
