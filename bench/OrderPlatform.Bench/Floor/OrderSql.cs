namespace OrderPlatform.Bench.Floor;

/// <summary>
/// Every statement the floor runs for one order: the service's durable writes on SQLite and nothing
/// else (no reads it can know the answer to). Mirrors src/Infrastructure/Persistence (the
/// configurations, StockLedger, OrderRepository, SqliteOrderIdSource, AddressBook, CouponBook) and the
/// migrations; when the schema changes, change these and FloorScenarios. ParityCheck fails a run
/// whose floor rows no longer match the service's.
/// </summary>
internal static class OrderSql
{
    /// <summary>The service's EF transactions begin IMMEDIATE too (Microsoft.Data.Sqlite's default).</summary>
    public const string Begin = "BEGIN IMMEDIATE;";

    public const string Commit = "COMMIT;";

    /// <summary>SqliteOrderIdSource.</summary>
    public const string NextOrderId =
        "UPDATE id_counters SET next_value = next_value + 1 WHERE name = 'orders' RETURNING next_value - 1;";

    /// <summary>StockLedger, for a line without a SKU.</summary>
    public const string TakeProductStock =
        "UPDATE products SET stock = stock - $quantity WHERE id = $goods_id AND stock >= $quantity;";

    /// <summary>StockLedger, for a line with a SKU.</summary>
    public const string TakeSkuStock =
        "UPDATE product_skus SET stock = stock - $quantity WHERE id = $sku_id AND product_id = $goods_id AND stock >= $quantity;";

    /// <summary>AddressBook.KeepAsync: the saved address the order ships to is still the buyer's, and stays until the commit.</summary>
    public const string KeepAddress =
        "UPDATE addresses SET updated_time = updated_time WHERE id = $address_id AND user_id = $user_id;";

    public const string InsertOrder = """
        INSERT INTO orders (id, address_id, user_id, coupon_code_id, coupon_id, created_time, custom_form_url, order_id, end_time,
            remark, seller_id, share_parent_user_id, share_user_id, status, type, updated_time, version, amount, currency,
            discount_amount, origin_amount, seller_amount, seller_percent, share_amount, share_parent_amount,
            share_parent_percent, share_percent)
        VALUES ($id, $address_id, $user_id, $coupon_code_id, $coupon_id, $now, NULL, $order_number, $end_time,
            $remark, $seller_id, 0, 0, 0, 'goods', $now, 0, $amount, $currency,
            $discount_amount, $origin_amount, $seller_amount, $seller_percent, 0, 0,
            0, 0);
        """;

    public const string InsertOrderAddress = """
        INSERT INTO order_addresses (order_id, city, address_info, country, name, phone, postcode, province)
        VALUES ($order_id, $city, $detail, $district, $name, $phone, $postcode, $province);
        """;

    public const string InsertOrderLine = """
        INSERT INTO order_details (goods_id, order_id, quantity, sku_id, amount, currency, discount_amount, sku_values,
            origin_amount, origin_price, title, sku_title, price)
        VALUES ($goods_id, $order_id, $quantity, $sku_id, $amount, $currency, $discount_amount, $sku_values,
            $origin_amount, $origin_price, $title, $sku_title, $price);
        """;

    /// <summary>CouponBook.TryRedeemAsync: the conditional take, then the usage row.</summary>
    public const string RedeemCouponCode =
        "UPDATE coupon_codes SET used_count = used_count + 1 WHERE id = $coupon_code_id AND used_count < max_uses;";

    public const string InsertCouponUsage = """
        INSERT INTO coupon_usages (coupon_code_id, created_time, order_id, user_id)
        VALUES ($coupon_code_id, $now, $order_id, $user_id);
        """;
}
