using Microsoft.EntityFrameworkCore;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;
using static OrderPlatform.Infrastructure.Seeding.DemoData;

namespace OrderPlatform.Infrastructure.Seeding;

/// <summary>
/// Fills an empty database with the demo data of docs/contract.md section 15, so that the API document's
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

        SeedCoupons(now);
        db.CartItems.AddRange(
            new CartItemRecord { Id = CartLicenceItemId, UserId = BuyerId, GoodsId = SingleProductId, Quantity = 1, Status = 1, CreatedTime = now },
            new CartItemRecord { Id = CartShirtItemId, UserId = BuyerId, GoodsId = ShirtProductId, SkuId = 2, Quantity = 1, Status = 1, CreatedTime = now },
            new CartItemRecord { Id = CartJacketItemId, UserId = BuyerId, GoodsId = JacketProductId, SkuId = 5, Quantity = 2, Status = 1, CreatedTime = now },
            new CartItemRecord { Id = InactiveCartItemId, UserId = BuyerId, GoodsId = SingleProductId, Quantity = 1, Status = 0, CreatedTime = now },
            new CartItemRecord { Id = OtherUsersCartItemId, UserId = ReferredBuyerId, GoodsId = SingleProductId, Quantity = 1, Status = 1, CreatedTime = now });

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A coupon of each kind (docs/contract.md section 15), valid for a year from the seeding unless meant otherwise.</summary>
    private void SeedCoupons(long now)
    {
        const long day = 24 * 60 * 60;
        long start = now - day, end = now + (365 * day);
        db.Coupons.AddRange(
            Coupon(FixedCouponId, "20 off any order", moneyType: 0, money: 2000, start, end),
            Coupon(2, "10% off, at most 50", moneyType: 1, money: 10, start, end, maxMoney: 5000),
            Coupon(3, "30 off orders of 200", moneyType: 0, money: 3000, start, end, conditionAmount: 20000),
            Coupon(WelcomeCouponId, "Welcome: 15 off", moneyType: 0, money: 1500, start, end),
            Coupon(5, "Expired 2022 sale", moneyType: 0, money: 1000, now - (400 * day), now - (30 * day)),
            Coupon(6, "Not started yet", moneyType: 0, money: 1000, now + (30 * day), now + (400 * day)),
            Coupon(7, "10 off T-shirts", moneyType: 0, money: 1000, start, end, goods: [ShirtProductId]),
            Coupon(8, "Withdrawn coupon", moneyType: 0, money: 1000, start, end, status: 0));
        db.CouponCodes.AddRange(
            Code(FixedCouponCodeId, FixedCouponId, FixedCouponCode, maxUses: 1000, now),
            Code(2, 2, PercentCouponCode, maxUses: 1000, now),
            Code(3, 3, MinimumSpendCouponCode, maxUses: 1000, now),
            Code(BuyerPersonalCouponCodeId, WelcomeCouponId, BuyerPersonalCouponCode, maxUses: 1, now, owner: BuyerId),
            Code(5, WelcomeCouponId, OtherUsersCouponCode, maxUses: 1, now, owner: ReferredBuyerId),
            Code(6, 5, ExpiredCouponCode, maxUses: 1000, now),
            Code(7, 6, FutureCouponCode, maxUses: 1000, now),
            Code(8, 7, ShirtOnlyCouponCode, maxUses: 1000, now),
            Code(9, 8, DisabledCouponCode, maxUses: 1000, now),
            Code(10, FixedCouponId, UsedUpCouponCode, maxUses: 1, now, usedCount: 1));
    }

    private static CouponRecord Coupon(
        long id, string title, int moneyType, long money, long startTime, long endTime,
        long maxMoney = 0, long conditionAmount = 0, int status = 1, long[]? goods = null) => new()
    {
        Id = id,
        Title = title,
        MoneyType = moneyType,
        Money = money,
        MaxMoney = maxMoney,
        ConditionAmount = conditionAmount,
        StartTime = startTime,
        EndTime = endTime,
        Status = status,
        Goods = (goods ?? []).Select(goodsId => new CouponGoodsRecord { CouponId = id, GoodsId = goodsId }).ToList(),
    };

    private static CouponCodeRecord Code(long id, long couponId, string code, int maxUses, long getTime, long owner = 0, int usedCount = 0) =>
        new() { Id = id, CouponId = couponId, Code = code, UserId = owner, MaxUses = maxUses, UsedCount = usedCount, GetTime = getTime };

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
