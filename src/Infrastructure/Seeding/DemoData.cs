namespace OrderPlatform.Infrastructure.Seeding;

/// <summary>The ids of the demo data that people and tests refer to (spec section 15, README).</summary>
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
}
