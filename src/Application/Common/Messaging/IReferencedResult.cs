namespace OrderPlatform.Application.Common.Messaging;

/// <summary>A use case's value that names what it created (an order number), so the logs can say which one (R60).</summary>
public interface IReferencedResult
{
    string Reference { get; }
}
