namespace OrderPlatform.Infrastructure.Seeding;

/// <summary>The ids of the demo data that people and tests refer to (docs/contract.md section 15, README).</summary>
public static class DemoData
{
    public const long BuyerId = 1000;
    public const long DisabledUserId = 1001;
    public const long SellerId = 15;
    public const long OtherSellerId = 16;
    public const long ReferredBuyerId = 2001;
    public const long PromoterId = 2002;
    public const long PromoterParentId = 2003;

    public const long MemberGroupId = 1;
    public const long PromoterGroupId = 2;
    public const long VipGroupId = 3;

    public const long SingleProductId = 188;
    public const long ShirtProductId = 1;
    public const long JacketProductId = 2;
    public const long EngravingProductId = 189;
    public const long UnpublishedProductId = 190;
    public const long OtherSellerProductId = 191;
    public const long LastUnitProductId = 192;

    public const long SmallShirtSkuId = 1;
    public const long SmallDenimJacketSkuId = 3;

    public const long BuyerAddressId = 1;

    public const string FixedCouponCode = "COUPON2023";
    public const string PercentCouponCode = "TENOFF";
    public const string MinimumSpendCouponCode = "SAVE30";
    public const string BuyerPersonalCouponCode = "WELCOME-1000";
    public const string OtherUsersCouponCode = "WELCOME-2001";
    public const string ExpiredCouponCode = "EXPIRED2022";
    public const string FutureCouponCode = "FUTURE2030";
    public const string ShirtOnlyCouponCode = "SHIRT10";
    public const string DisabledCouponCode = "DISABLED";
    public const string UsedUpCouponCode = "USEDUP";

    public const long FixedCouponId = 1;
    public const long WelcomeCouponId = 4;
    public const long FixedCouponCodeId = 1;
    public const long BuyerPersonalCouponCodeId = 4;

    /// <summary>User 1000's cart: 188 x1, T-shirt Large x1, Cotton/Small jacket x2; item 4 is inactive.</summary>
    public const long CartLicenceItemId = 1;
    public const long CartShirtItemId = 2;
    public const long CartJacketItemId = 3;
    public const long InactiveCartItemId = 4;
    public const long OtherUsersCartItemId = 5;
}
