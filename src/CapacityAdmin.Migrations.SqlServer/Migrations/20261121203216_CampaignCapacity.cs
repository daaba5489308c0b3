using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CampaignCapacity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreditAllocation",
                table: "Campaigns");

            migrationBuilder.AddColumn<Guid>(
                name: "BundleId",
                table: "Campaigns",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BundleQuota",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "BundleShare",
                table: "Campaigns",
                type: "decimal(9,6)",
                precision: 9,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CreditAllocationCents",
                table: "Campaigns",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CreditHardLimitCents",
                table: "Campaigns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CreditsConsumedCents",
                table: "Campaigns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "LearnerHardLimit",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LearnersEnrolled",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VolunteerHardLimit",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VolunteerLimit",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VolunteersEnrolled",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Bundles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    VolunteersUsed = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bundles", x => x.Id);
                    table.CheckConstraint("CK_Bundles_Counters", "\"VolunteersUsed\" >= 0");
                    table.ForeignKey(
                        name: "FK_Bundles_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditLedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Activity = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ConsumedAfterCents = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditLedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditLedgerEntries_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearnerEnrollments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnerEnrollments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearnerEnrollments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerEnrollments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerEnrollments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerEnrollments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CapacityChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    BundleId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Field = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OldValue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    NewValue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacityChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CapacityChanges_Bundles_BundleId",
                        column: x => x.BundleId,
                        principalTable: "Bundles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CapacityChanges_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CapacityChanges_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_BundleId",
                table: "Campaigns",
                column: "BundleId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Campaigns_Counters",
                table: "Campaigns",
                sql: "\"VolunteersEnrolled\" >= 0 AND \"LearnersEnrolled\" >= 0 AND \"CreditsConsumedCents\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_Bundles_CompanyId_Name",
                table: "Bundles",
                columns: new[] { "CompanyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacityChanges_BundleId_ChangedAt",
                table: "CapacityChanges",
                columns: new[] { "BundleId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CapacityChanges_CampaignId_ChangedAt",
                table: "CapacityChanges",
                columns: new[] { "CampaignId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CapacityChanges_CompanyId",
                table: "CapacityChanges",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditLedgerEntries_CampaignId_CreatedAt",
                table: "CreditLedgerEntries",
                columns: new[] { "CampaignId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditLedgerEntries_IdempotencyKey",
                table: "CreditLedgerEntries",
                columns: new[] { "CampaignId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LearnerEnrollments_Active",
                table: "LearnerEnrollments",
                columns: new[] { "CampaignId", "ExternalId" },
                unique: true,
                filter: "\"Status\" = 'Enrolled'");

            migrationBuilder.CreateIndex(
                name: "IX_LearnerEnrollments_CampaignId_Status_EnrolledAt",
                table: "LearnerEnrollments",
                columns: new[] { "CampaignId", "Status", "EnrolledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerEnrollments_Active",
                table: "VolunteerEnrollments",
                columns: new[] { "CampaignId", "ExternalId" },
                unique: true,
                filter: "\"Status\" = 'Enrolled'");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerEnrollments_CampaignId_Status_EnrolledAt",
                table: "VolunteerEnrollments",
                columns: new[] { "CampaignId", "Status", "EnrolledAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_Bundles_BundleId",
                table: "Campaigns",
                column: "BundleId",
                principalTable: "Bundles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_Bundles_BundleId",
                table: "Campaigns");

            migrationBuilder.DropTable(
                name: "CapacityChanges");

            migrationBuilder.DropTable(
                name: "CreditLedgerEntries");

            migrationBuilder.DropTable(
                name: "LearnerEnrollments");

            migrationBuilder.DropTable(
                name: "VolunteerEnrollments");

            migrationBuilder.DropTable(
                name: "Bundles");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_BundleId",
                table: "Campaigns");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Campaigns_Counters",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "BundleId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "BundleQuota",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "BundleShare",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CreditAllocationCents",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CreditHardLimitCents",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CreditsConsumedCents",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "LearnerHardLimit",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "LearnersEnrolled",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "VolunteerHardLimit",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "VolunteerLimit",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "VolunteersEnrolled",
                table: "Campaigns");

            migrationBuilder.AddColumn<decimal>(
                name: "CreditAllocation",
                table: "Campaigns",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);
        }
    }
}
