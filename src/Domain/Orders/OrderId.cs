namespace OrderPlatform.Domain.Orders;

/// <summary>The order's database identity, allocated before the order is built (R52 needs it).</summary>
public readonly record struct OrderId
{
    public OrderId(long value)
    {
        if (value <= 0)
        {
            throw new Common.DomainException($"An order id must be positive ({value}).");
        }

        Value = value;
    }

    public long Value { get; }

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
