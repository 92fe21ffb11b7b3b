namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Which page of a list, with AnQiCMS's leniency (R62): a page below 1 is page 1; a size below 1 is 10, above 100 is 100.</summary>
public sealed record PageRequest
{
    public const int DefaultSize = 10;
    public const int MaxSize = 100;

    // Keeps (page - 1) * size within an int, the widest offset the query takes.
    private const int LastPage = int.MaxValue / MaxSize;

    private PageRequest(int number, int size)
    {
        Number = number;
        Size = size;
    }

    public int Number { get; }

    public int Size { get; }

    public int Skip => (Number - 1) * Size;

    public static PageRequest Of(int? current, int? pageSize) => new(
        Math.Clamp(current ?? 1, 1, LastPage),
        pageSize is null or < 1 ? DefaultSize : Math.Min(pageSize.Value, MaxSize));
}
