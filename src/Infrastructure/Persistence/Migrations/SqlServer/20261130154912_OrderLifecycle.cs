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

            migrationBuilder.CreateTable(
                name: "buyer_order_counts",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "int", nullable: false),
                    orders = table.Column<long>(type: "bigint", nullable: false)
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
            // One set-based trigger: inserted and deleted hold every row of the statement, so a bulk change moves each
            // (buyer, status) count once; HOLDLOCK keeps two first orders of one buyer from both inserting its row.
            // CREATE TRIGGER must start its own batch; EXEC gives it one inside the idempotent script's IF block.
            migrationBuilder.Sql(
                """
                EXEC(N'
                CREATE TRIGGER orders_counted_by_buyer ON orders AFTER INSERT, UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                    MERGE buyer_order_counts WITH (HOLDLOCK) AS counts
                    USING (
                        SELECT user_id, status, SUM(change) AS change
                        FROM (
                            SELECT user_id, status, 1 AS change FROM inserted
                            UNION ALL
                            SELECT user_id, status, -1 AS change FROM deleted
                        ) AS changes
                        GROUP BY user_id, status
                        HAVING SUM(change) <> 0
                    ) AS moved
                    ON counts.user_id = moved.user_id AND counts.status = moved.status
                    WHEN MATCHED THEN UPDATE SET orders = counts.orders + moved.change
                    WHEN NOT MATCHED THEN INSERT (user_id, status, orders) VALUES (moved.user_id, moved.status, moved.change);
                END
                ');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "DROP TRIGGER IF EXISTS orders_counted_by_buyer;");

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
