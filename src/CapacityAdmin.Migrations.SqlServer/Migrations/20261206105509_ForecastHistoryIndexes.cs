using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ForecastHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_VolunteerEnrollments_CampaignId_ReleasedAt",
                table: "VolunteerEnrollments",
                columns: new[] { "CampaignId", "ReleasedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LearnerEnrollments_CampaignId_ReleasedAt",
                table: "LearnerEnrollments",
                columns: new[] { "CampaignId", "ReleasedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VolunteerEnrollments_CampaignId_ReleasedAt",
                table: "VolunteerEnrollments");

            migrationBuilder.DropIndex(
                name: "IX_LearnerEnrollments_CampaignId_ReleasedAt",
                table: "LearnerEnrollments");
        }
    }
}
