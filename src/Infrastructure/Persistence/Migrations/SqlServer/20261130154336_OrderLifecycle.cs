using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrderLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_user_id_created_time",
                table: "orders");

            migrationBuilder.AddColumn<long>(
                name: "paid_time",
                table: "orders",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_id",
                table: "orders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_user_id_id",
                table: "orders",
                columns: new[] { "user_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_user_id_status_id",
                table: "orders",
                columns: new[] { "user_id", "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_user_id_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_user_id_status_id",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "paid_time",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "payment_id",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "IX_orders_user_id_created_time",
                table: "orders",
                columns: new[] { "user_id", "created_time" });
        }
    }
}
