using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ForecastRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PoolRefusalDays",
                columns: table => new
                {
                    PoolType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Refused = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolRefusalDays", x => new { x.PoolType, x.PoolId, x.Measure, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PoolRefusalDays_Day_PoolType_PoolId",
                table: "PoolRefusalDays",
                columns: new[] { "Day", "PoolType", "PoolId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PoolRefusalDays");
        }
    }
}
