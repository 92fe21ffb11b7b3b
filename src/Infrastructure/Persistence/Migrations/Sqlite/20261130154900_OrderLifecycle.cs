using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderPlatform.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_id",
                table: "orders",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "buyer_order_counts",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    orders = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_buyer_order_counts", x => new { x.user_id, x.status });
                });

            migrationBuilder.CreateIndex(
                name: "IX_orders_user_id_id",
                table: "orders",
                columns: new[] { "user_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_user_id_status_id",
                table: "orders",
                columns: new[] { "user_id", "status", "id" });

            // R62: the list total is kept by triggers from the orders that exist now onwards.
            migrationBuilder.Sql(
                """
                INSERT INTO buyer_order_counts (user_id, status, orders)
                SELECT user_id, status, COUNT(*) FROM orders GROUP BY user_id, status;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER orders_counted_by_buyer AFTER INSERT ON orders
                BEGIN
                    INSERT INTO buyer_order_counts (user_id, status, orders) VALUES (NEW.user_id, NEW.status, 1)
                    ON CONFLICT (user_id, status) DO UPDATE SET orders = orders + 1;
                END;
                CREATE TRIGGER orders_counted_by_buyer_on_change AFTER UPDATE OF user_id, status ON orders
                WHEN OLD.user_id <> NEW.user_id OR OLD.status <> NEW.status
                BEGIN
                    UPDATE buyer_order_counts SET orders = orders - 1 WHERE user_id = OLD.user_id AND status = OLD.status;
                    INSERT INTO buyer_order_counts (user_id, status, orders) VALUES (NEW.user_id, NEW.status, 1)
                    ON CONFLICT (user_id, status) DO UPDATE SET orders = orders + 1;
                END;
                CREATE TRIGGER orders_counted_by_buyer_on_delete AFTER DELETE ON orders
                BEGIN
                    UPDATE buyer_order_counts SET orders = orders - 1 WHERE user_id = OLD.user_id AND status = OLD.status;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER IF EXISTS orders_counted_by_buyer;
                DROP TRIGGER IF EXISTS orders_counted_by_buyer_on_change;
                DROP TRIGGER IF EXISTS orders_counted_by_buyer_on_delete;
                """);

            migrationBuilder.DropTable(
                name: "buyer_order_counts");

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
