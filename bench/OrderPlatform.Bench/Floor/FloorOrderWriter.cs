using Microsoft.Data.Sqlite;

namespace OrderPlatform.Bench.Floor;

/// <summary>
/// Writes one order of a scenario in its own transaction with statements prepared once; what stays
/// the same from order to order is bound once too, so an order costs only its own values and the commit.
/// </summary>
internal sealed class FloorOrderWriter : IDisposable
{
    private readonly OrderNumbers _numbers = new();
    private readonly List<SqliteCommand> _prepared = [];
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _nextOrderId;
    private readonly SqliteCommand[] _takeStock;
    private readonly SqliteCommand _insertOrder;
    private readonly SqliteCommand[] _insertLines;
    private readonly SqliteCommand? _keepAddress;
    private readonly SqliteCommand? _insertAddress;
    private readonly SqliteCommand? _redeemCouponCode;
    private readonly SqliteCommand? _insertCouponUsage;

    public FloorOrderWriter(SqliteConnection connection, FloorScenario scenario)
    {
        _begin = Prepared(BenchDatabase.Command(connection, OrderSql.Begin));
        _commit = Prepared(BenchDatabase.Command(connection, OrderSql.Commit));
        _nextOrderId = Prepared(BenchDatabase.Command(connection, OrderSql.NextOrderId));
        _takeStock = [.. scenario.Lines.Select(line => Prepared(TakeStock(connection, line)))];
        _insertOrder = Prepared(InsertOrder(connection, scenario));
        _insertLines = [.. scenario.Lines.Select(line => Prepared(InsertLine(connection, line)))];
        if (scenario.ShipsToAddress)
        {
            _keepAddress = Prepared(BenchDatabase.Command(connection, OrderSql.KeepAddress, "$address_id", "$user_id"));
            _insertAddress = Prepared(InsertAddress(connection));
        }

        if (scenario.CouponId is not null)
        {
            _redeemCouponCode = Prepared(BenchDatabase.Command(connection, OrderSql.RedeemCouponCode, "$coupon_code_id"));
            _insertCouponUsage = Prepared(BenchDatabase.Command(connection, OrderSql.InsertCouponUsage, "$coupon_code_id", "$now", "$order_id", "$user_id"));
        }
    }

    /// <summary>Places one order for <paramref name="buyer"/>, redeeming <paramref name="couponCodeId"/> when the scenario uses a coupon.</summary>
    /// <returns>The order's id.</returns>
    public long Write(Buyer buyer, long? couponCodeId)
    {
        _begin.ExecuteNonQuery();
        var orderId = (long)_nextOrderId.ExecuteScalar()!;
        foreach (var take in _takeStock)
        {
            if (take.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException("The floor cannot place its order: a line's stock ran out.");
            }
        }

        if (_keepAddress is { } keepAddress)
        {
            keepAddress.Parameters["$address_id"].Value = buyer.AddressId;
            keepAddress.Parameters["$user_id"].Value = buyer.UserId;
            if (keepAddress.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException($"The floor cannot place its order: buyer {buyer.UserId} has no saved address {buyer.AddressId}.");
            }
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var order = _insertOrder.Parameters;
        order["$id"].Value = orderId;
        order["$address_id"].Value = _insertAddress is null ? DBNull.Value : buyer.AddressId;
        order["$user_id"].Value = buyer.UserId;
        order["$coupon_code_id"].Value = couponCodeId is { } codeId ? codeId : DBNull.Value;
        order["$now"].Value = now;
        order["$order_number"].Value = _numbers.For(orderId, now);
        order["$end_time"].Value = now + (long)ServiceSettings.PaymentWindow.TotalSeconds;
        _insertOrder.ExecuteNonQuery();

        if (_insertAddress is { } insertAddress)
        {
            insertAddress.Parameters["$order_id"].Value = orderId;
            insertAddress.ExecuteNonQuery();
        }

        foreach (var line in _insertLines)
        {
            line.Parameters["$order_id"].Value = orderId;
            line.ExecuteNonQuery();
        }

        if (_redeemCouponCode is { } redeem && _insertCouponUsage is { } insertUsage)
        {
            var code = couponCodeId ?? throw new ArgumentNullException(nameof(couponCodeId), "The scenario redeems a coupon code.");
            redeem.Parameters["$coupon_code_id"].Value = code;
            if (redeem.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException($"The floor cannot place its order: coupon code {code} was already used.");
            }

            var usage = insertUsage.Parameters;
            usage["$coupon_code_id"].Value = code;
            usage["$now"].Value = now;
            usage["$order_id"].Value = orderId;
            usage["$user_id"].Value = buyer.UserId;
            insertUsage.ExecuteNonQuery();
        }

        _commit.ExecuteNonQuery();
        return orderId;
    }

    public void Dispose()
    {
        foreach (var command in _prepared)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Prepared(SqliteCommand command)
    {
        _prepared.Add(command);
        command.Prepare();
        return command;
    }

    private static SqliteCommand TakeStock(SqliteConnection connection, FloorLine line)
    {
        var command = line.SkuId is { } skuId
            ? BenchDatabase.Command(connection, OrderSql.TakeSkuStock, "$quantity", "$goods_id", "$sku_id")
            : BenchDatabase.Command(connection, OrderSql.TakeProductStock, "$quantity", "$goods_id");
        command.Parameters["$quantity"].Value = line.Quantity;
        command.Parameters["$goods_id"].Value = line.GoodsId;
        if (line.SkuId is { } sku)
        {
            command.Parameters["$sku_id"].Value = sku;
        }

        return command;
    }

    private static SqliteCommand InsertOrder(SqliteConnection connection, FloorScenario scenario)
    {
        var command = BenchDatabase.Command(
            connection,
            OrderSql.InsertOrder,
            "$id", "$address_id", "$user_id", "$coupon_code_id", "$now", "$order_number", "$end_time",
            "$coupon_id", "$remark", "$seller_id", "$amount", "$currency", "$discount_amount", "$origin_amount", "$seller_amount", "$seller_percent");
        var values = command.Parameters;
        values["$coupon_id"].Value = scenario.CouponId is { } couponId ? couponId : DBNull.Value;
        values["$remark"].Value = scenario.Remark;
        values["$seller_id"].Value = ServiceSettings.SellerId;
        values["$amount"].Value = scenario.Amount;
        values["$currency"].Value = ServiceSettings.Currency;
        values["$discount_amount"].Value = scenario.DiscountAmount;
        values["$origin_amount"].Value = scenario.OriginAmount;
        values["$seller_amount"].Value = scenario.SellerAmount;
        values["$seller_percent"].Value = ServiceSettings.SellerPercent;
        return command;
    }

    private static SqliteCommand InsertAddress(SqliteConnection connection)
    {
        var command = BenchDatabase.Command(
            connection, OrderSql.InsertOrderAddress, "$order_id", "$city", "$detail", "$district", "$name", "$phone", "$postcode", "$province");
        var shipTo = BenchData.Address;
        var values = command.Parameters;
        values["$city"].Value = shipTo.City;
        values["$detail"].Value = shipTo.Detail;
        values["$district"].Value = shipTo.District;
        values["$name"].Value = shipTo.Name;
        values["$phone"].Value = shipTo.Phone;
        values["$postcode"].Value = shipTo.Postcode;
        values["$province"].Value = shipTo.Province;
        return command;
    }

    private static SqliteCommand InsertLine(SqliteConnection connection, FloorLine line)
    {
        var command = BenchDatabase.Command(
            connection,
            OrderSql.InsertOrderLine,
            "$goods_id", "$order_id", "$quantity", "$sku_id", "$amount", "$currency", "$discount_amount", "$sku_values",
            "$origin_amount", "$origin_price", "$title", "$sku_title", "$price");
        var values = command.Parameters;
        values["$goods_id"].Value = line.GoodsId;
        values["$quantity"].Value = line.Quantity;
        values["$sku_id"].Value = line.SkuId is { } skuId ? skuId : DBNull.Value;
        values["$amount"].Value = line.Amount;
        values["$currency"].Value = ServiceSettings.Currency;
        values["$discount_amount"].Value = line.DiscountAmount;
        values["$sku_values"].Value = line.SkuValuesJson;
        values["$origin_amount"].Value = line.OriginAmount;
        values["$origin_price"].Value = line.OriginPrice;
        values["$title"].Value = line.Title;
        values["$sku_title"].Value = line.SkuTitle;
        values["$price"].Value = line.Price;
        return command;
    }
}
