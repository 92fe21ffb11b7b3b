namespace OrderPlatform.Application.Common.Messaging;

/// <summary>
/// A request a signed-in buyer makes for themselves. It carries no user id: the buyer is always
/// the current user (R12), checked by BuyerAccessBehaviour before anything else reads the request.
/// </summary>
public interface IBuyerRequest
{
}
