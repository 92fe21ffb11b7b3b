namespace OrderPlatform.Application.Common.Messaging;

/// <summary>A request made on behalf of a signed-in user: the id comes from the token, never from the body (R12).</summary>
public interface IBuyerRequest
{
    long BuyerId { get; }
}
