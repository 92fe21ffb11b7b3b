namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of coupons: the rule (docs/contract.md section 8); its redeemable codes are coupon_codes.</summary>
public sealed class CouponRecord
{
    public long Id { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>0 a fixed amount off, 1 a percentage off.</summary>
    public int MoneyType { get; set; }

    /// <summary>Minor units off, or the percentage (1-100).</summary>
    public long Money { get; set; }

    /// <summary>Cap of a percentage coupon in minor units; 0 for none.</summary>
    public long MaxMoney { get; set; }

    /// <summary>Minimum eligible spend in minor units; 0 for none.</summary>
    public long ConditionAmount { get; set; }

    /// <summary>Unix seconds; 0 for no start.</summary>
    public long StartTime { get; set; }

    /// <summary>Unix seconds; 0 for no end.</summary>
    public long EndTime { get; set; }

    /// <summary>1 active.</summary>
    public int Status { get; set; }

    /// <summary>The goods in scope; empty for all goods.</summary>
    public List<CouponGoodsRecord> Goods { get; set; } = [];
}
