using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Memberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cells",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cells", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Designations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefaultCapacity = table.Column<int>(type: "integer", nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValidityDays = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Designations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "MembershipCapacityChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipCapacityChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MembershipSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    SeatLockTimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    ExpirySweepEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    HierarchicalCaps = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SeatScopeLocks",
                columns: table => new
                {
                    ScopeKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatScopeLocks", x => x.ScopeKey);
                });

            migrationBuilder.CreateTable(
                name: "States",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Zone = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_States", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "LevelCapacities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CellCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LevelCapacities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LevelCapacities_Cells_CellCode",
                        column: x => x.CellCode,
                        principalTable: "Cells",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DesignationLevelCapacities",
                columns: table => new
                {
                    DesignationCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignationLevelCapacities", x => new { x.DesignationCode, x.Level });
                    table.ForeignKey(
                        name: "FK_DesignationLevelCapacities_Designations_DesignationCode",
                        column: x => x.DesignationCode,
                        principalTable: "Designations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StateCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Districts_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mandals",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mandals", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Mandals_Districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "Districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CellCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DesignationCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Zone = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    StateCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DistrictCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MandalCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ScopeKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PaymentStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SeatSequence = table.Column<int>(type: "integer", nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AmountPaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ProviderRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefundRequired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_Cells_CellCode",
                        column: x => x.CellCode,
                        principalTable: "Cells",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Designations_DesignationCode",
                        column: x => x.DesignationCode,
                        principalTable: "Designations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "Districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Mandals_MandalCode",
                        column: x => x.MandalCode,
                        principalTable: "Mandals",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_States_StateCode",
                        column: x => x.StateCode,
                        principalTable: "States",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Districts_StateCode",
                table: "Districts",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_LevelCapacities_CellCode_Level_UnitCode",
                table: "LevelCapacities",
                columns: new[] { "CellCode", "Level", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mandals_DistrictCode",
                table: "Mandals",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipCapacityChanges_Subject_ChangedAt",
                table: "MembershipCapacityChanges",
                columns: new[] { "Subject", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_CellCode_Level_Status",
                table: "Memberships",
                columns: new[] { "CellCode", "Level", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_CreatedAt",
                table: "Memberships",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_DesignationCode",
                table: "Memberships",
                column: "DesignationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_DistrictCode",
                table: "Memberships",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MandalCode",
                table: "Memberships",
                column: "MandalCode");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MemberRef",
                table: "Memberships",
                column: "MemberRef");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_StateCode",
                table: "Memberships",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_Status_ExpiresAt",
                table: "Memberships",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_Status_LockedAt",
                table: "Memberships",
                columns: new[] { "Status", "LockedAt" });

            migrationBuilder.CreateIndex(
                name: "UX_Memberships_Scope_Member",
                table: "Memberships",
                columns: new[] { "ScopeKey", "MemberRef" },
                unique: true,
                filter: "\"Status\" IN ('ACTIVE', 'PENDING_APPROVAL', 'PENDING_PAYMENT')");

            migrationBuilder.CreateIndex(
                name: "UX_Memberships_Scope_Seat",
                table: "Memberships",
                columns: new[] { "ScopeKey", "SeatSequence" },
                unique: true,
                filter: "\"Status\" IN ('ACTIVE', 'PENDING_APPROVAL', 'PENDING_PAYMENT')");

            migrationBuilder.CreateIndex(
                name: "IX_States_Zone",
                table: "States",
                column: "Zone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DesignationLevelCapacities");

            migrationBuilder.DropTable(
                name: "LevelCapacities");

            migrationBuilder.DropTable(
                name: "MembershipCapacityChanges");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "MembershipSettings");

            migrationBuilder.DropTable(
                name: "SeatScopeLocks");

            migrationBuilder.DropTable(
                name: "Cells");

            migrationBuilder.DropTable(
                name: "Designations");

            migrationBuilder.DropTable(
                name: "Mandals");

            migrationBuilder.DropTable(
                name: "Districts");

            migrationBuilder.DropTable(
                name: "States");
        }
    }
}
