using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderPlatform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrderAddressBookEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Buyers could delete saved addresses while orders still pointed at them; those orders keep their
            // own copy of the address (R31) and lose only the link, so the key can hold for every row.
            migrationBuilder.Sql("UPDATE orders SET address_id = NULL WHERE address_id IS NOT NULL AND address_id NOT IN (SELECT id FROM addresses);");

            migrationBuilder.CreateIndex(
                name: "IX_orders_address_id",
                table: "orders",
                column: "address_id");

            migrationBuilder.AddForeignKey(
                name: "FK_orders_addresses_address_id",
                table: "orders",
                column: "address_id",
                principalTable: "addresses",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_orders_addresses_address_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_address_id",
                table: "orders");
        }
    }
}
