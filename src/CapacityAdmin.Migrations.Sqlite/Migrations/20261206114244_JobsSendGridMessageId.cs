using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CapacityAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JobsSendGridMessageId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProviderMessageId",
                table: "AlertDeliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProviderMessageId",
                table: "AlertDeliveries");
        }
    }
}
