using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrderPlatform.Bench.Prepare;

/// <summary>
/// Adds what a run needs to the seeded database, in one transaction: active buyers, each with the
/// second scenario's address already in its address book (a returning buyer), single-use public
/// coupon codes, and stock that no run can empty. Writes one token per buyer for the load generator.
/// </summary>
internal static class PrepareCommand
{
    public const string SecretVariable = "BENCH_TOKEN_SECRET";

    /// <summary>Longer than any run, and more than the hour under which the service would answer with a renewed token (R11).</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(1);

    public static int Run(CommandOptions options)
    {
        var users = options.Number("users");
        var codes = options.Number("codes");
        var secret = Environment.GetEnvironmentVariable(SecretVariable);
        if (string.IsNullOrEmpty(secret))
        {
            throw new ArgumentException($"{SecretVariable} must hold the service's Auth:TokenSecret.");
        }

        using var connection = BenchDatabase.Open(options.Text("database"));
        var now = DateTimeOffset.UtcNow;
        using (var transaction = connection.BeginTransaction())
        {
            AddBuyers(connection, users, now.ToUnixTimeSeconds());
            AddCouponCodes(connection, codes, now.ToUnixTimeSeconds());
            FillStock(connection);
            transaction.Commit();
        }

        WriteTokens(options.Text("tokens"), new TokenIssuer(secret), users, now + TokenLifetime);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prepared {users} buyers with their address, {codes} coupon codes, stock {BenchData.Stock}"));
        return 0;
    }

    private static void AddBuyers(SqliteConnection connection, long count, long now)
    {
        using var user = BenchDatabase.Command(
            connection,
            "INSERT INTO users (id, user_name, status, group_id, parent_id, is_retailer) VALUES ($id, $name, 1, $group, 0, 0);",
            "$id", "$name", "$group");
        using var address = BenchDatabase.Command(
            connection,
            """
            INSERT INTO addresses (user_id, name, phone, province, city, country, address_info, postcode, created_time, updated_time)
            VALUES ($user, $name, $phone, $province, $city, $district, $detail, $postcode, $now, $now);
            """,
            "$user", "$name", "$phone", "$province", "$city", "$district", "$detail", "$postcode", "$now");
        var shipTo = BenchData.Address;
        address.Parameters["$name"].Value = shipTo.Name;
        address.Parameters["$phone"].Value = shipTo.Phone;
        address.Parameters["$province"].Value = shipTo.Province;
        address.Parameters["$city"].Value = shipTo.City;
        address.Parameters["$district"].Value = shipTo.District;
        address.Parameters["$detail"].Value = shipTo.Detail;
        address.Parameters["$postcode"].Value = shipTo.Postcode;
        address.Parameters["$now"].Value = now;
        user.Parameters["$group"].Value = BenchData.MemberGroupId;
        for (var id = BenchData.FirstUserId; id < BenchData.FirstUserId + count; id++)
        {
            user.Parameters["$id"].Value = id;
            user.Parameters["$name"].Value = string.Create(CultureInfo.InvariantCulture, $"bench-{id}");
            user.ExecuteNonQuery();
            address.Parameters["$user"].Value = id;
            address.ExecuteNonQuery();
        }
    }

    private static void AddCouponCodes(SqliteConnection connection, long count, long now)
    {
        using var code = BenchDatabase.Command(
            connection,
            "INSERT INTO coupon_codes (coupon_id, code, user_id, max_uses, used_count, get_time) VALUES ($coupon, $code, 0, 1, 0, $now);",
            "$coupon", "$code", "$now");
        code.Parameters["$coupon"].Value = BenchData.CouponId;
        code.Parameters["$now"].Value = now;
        for (var number = 0L; number < count; number++)
        {
            code.Parameters["$code"].Value = BenchData.CouponCode(number);
            code.ExecuteNonQuery();
        }
    }

    private static void FillStock(SqliteConnection connection)
    {
        using var product = BenchDatabase.Command(connection, "UPDATE products SET stock = $stock WHERE id = $id;", "$stock", "$id");
        product.Parameters["$stock"].Value = BenchData.Stock;
        product.Parameters["$id"].Value = BenchData.SingleProductId;
        ExpectOneRow(product.ExecuteNonQuery(), "product", BenchData.SingleProductId);

        using var sku = BenchDatabase.Command(connection, "UPDATE product_skus SET stock = $stock WHERE id = $id;", "$stock", "$id");
        sku.Parameters["$stock"].Value = BenchData.Stock;
        foreach (var skuId in BenchData.SecondScenarioSkuIds)
        {
            sku.Parameters["$id"].Value = skuId;
            ExpectOneRow(sku.ExecuteNonQuery(), "SKU", skuId);
        }
    }

    private static void ExpectOneRow(int updated, string what, long id)
    {
        if (updated != 1)
        {
            throw new InvalidOperationException($"The seeded {what} {id} is missing: was the service started with Seed__Demo=true?");
        }
    }

    private static void WriteTokens(string path, TokenIssuer issuer, long users, DateTimeOffset expires)
    {
        using var file = new StreamWriter(path);
        for (var id = BenchData.FirstUserId; id < BenchData.FirstUserId + users; id++)
        {
            file.Write(id.ToString(CultureInfo.InvariantCulture));
            file.Write('\t');
            file.WriteLine(issuer.Issue(id, expires));
        }
    }
}
