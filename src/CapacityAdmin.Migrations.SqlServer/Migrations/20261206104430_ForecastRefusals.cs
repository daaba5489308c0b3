using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.SqlServer.Migrations
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
                    PoolType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PoolId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Measure = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Refused = table.Column<long>(type: "bigint", nullable: false)
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
