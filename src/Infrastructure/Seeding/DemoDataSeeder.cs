using Microsoft.EntityFrameworkCore;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;
using static OrderPlatform.Infrastructure.Seeding.DemoData;

namespace OrderPlatform.Infrastructure.Seeding;

/// <summary>
/// Fills an empty database with the demo data of spec section 15, so that the API document's
/// examples work verbatim on a fresh install. Does nothing when any user exists.
/// </summary>
internal sealed class DemoDataSeeder(OrderPlatformDbContext db, TimeProvider clock)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.UserGroups.AddRange(
            new UserGroupRecord { Id = MemberGroupId, Title = "Member", Status = 1 },
            new UserGroupRecord { Id = PromoterGroupId, Title = "Promoter", Status = 1, Discount = 90, ShareReward = 10, ParentReward = 5 },
            new UserGroupRecord { Id = VipGroupId, Title = "VIP Member", Status = 1, Price = 19900 });
        db.Users.AddRange(
            new UserRecord { Id = BuyerId, UserName = "demo-buyer", Status = 1, GroupId = MemberGroupId },
            new UserRecord { Id = DisabledUserId, UserName = "disabled-user", Status = 0, GroupId = MemberGroupId },
            new UserRecord { Id = SellerId, UserName = "demo-seller", Status = 1, GroupId = MemberGroupId },
            new UserRecord { Id = OtherSellerId, UserName = "other-seller", Status = 1, GroupId = MemberGroupId },
            new UserRecord { Id = PromoterParentId, UserName = "senior-promoter", Status = 1, GroupId = PromoterGroupId, IsRetailer = true },
            new UserRecord { Id = PromoterId, UserName = "promoter", Status = 1, GroupId = PromoterGroupId, IsRetailer = true, ParentId = PromoterParentId },
            new UserRecord { Id = ReferredBuyerId, UserName = "referred-buyer", Status = 1, GroupId = MemberGroupId, ParentId = PromoterId });

        db.Products.AddRange(
            Product(SingleProductId, "AnQiCMS Pro licence", 9900, stock: 1000),
            Product(ShirtProductId, "Cotton T-shirt", 4900, stock: 0),
            Product(JacketProductId, "Denim jacket", 12900, stock: 0),
            Product(EngravingProductId, "Engraved pen", 1990, stock: 500, customFormUrl: "https://forms.example.com/engraving?order={order_id}"),
            Product(UnpublishedProductId, "Draft product", 100, stock: 10, status: 0),
            Product(OtherSellerProductId, "Other store's mug", 2500, stock: 50, sellerId: OtherSellerId),
            Product(LastUnitProductId, "Last-unit poster", 3000, stock: 1));

        db.ProductOptions.AddRange(
            new ProductOptionRecord { Id = 33, ProductId = ShirtProductId, Title = "Size" },
            new ProductOptionRecord { Id = 32, ProductId = JacketProductId, Title = "Fiber" },
            new ProductOptionRecord { Id = 34, ProductId = JacketProductId, Title = "Size" });
        db.ProductOptionValues.AddRange(
            new ProductOptionValueRecord { Id = 156, OptionId = 33, Title = "Small" },
            new ProductOptionValueRecord { Id = 157, OptionId = 33, Title = "Large" },
            new ProductOptionValueRecord { Id = 153, OptionId = 32, Title = "Denim" },
            new ProductOptionValueRecord { Id = 154, OptionId = 32, Title = "Cotton" },
            new ProductOptionValueRecord { Id = 158, OptionId = 34, Title = "Small" },
            new ProductOptionValueRecord { Id = 159, OptionId = 34, Title = "Large" });
        db.ProductSkus.AddRange(
            Sku(SmallShirtSkuId, ShirtProductId, 4900, 100, 156),
            Sku(2, ShirtProductId, 5900, 100, 157),
            Sku(SmallDenimJacketSkuId, JacketProductId, 12900, 50, 153, 158),
            Sku(4, JacketProductId, 13900, 50, 153, 159),
            Sku(5, JacketProductId, 9900, 50, 154, 158),
            Sku(6, JacketProductId, 10900, 50, 154, 159));

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        db.Addresses.Add(new AddressRecord
        {
            Id = BuyerAddressId,
            UserId = BuyerId,
            Name = "Demo Buyer",
            Phone = "+86 138 0000 0000",
            Province = "Henan",
            City = "Zhengzhou",
            Country = "Zhongyuan",
            AddressInfo = "233 Zhongyuan West Road",
            Postcode = "450000",
            CreatedTime = now,
            UpdatedTime = now,
        });

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static ProductRecord Product(long id, string title, long price, long stock, int status = 1, long sellerId = SellerId, string? customFormUrl = null) =>
        new() { Id = id, Title = title, Price = price, Stock = stock, Status = status, SellerId = sellerId, CustomFormUrl = customFormUrl };

    private static ProductSkuRecord Sku(long id, long productId, long price, long stock, params long[] optionValueIds) => new()
    {
        Id = id,
        ProductId = productId,
        Price = price,
        Stock = stock,
        Values = optionValueIds.Select(valueId => new ProductSkuValueRecord { SkuId = id, OptionValueId = valueId }).ToList(),
    };
}
