using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Orders.Commands.ConfirmPayment;

/// <summary>
/// R65: the payment service confirms that an order was paid. Sent over HTTP with a service key, or
/// in process through IMediator by a service that hosts the layers; never by a buyer. The amount
/// is in minor units; null when the caller sent none.
/// </summary>
public sealed record ConfirmPaymentCommand(string? OrderId, string? PaymentId, long? Amount) : ICommand<Result<OrderDto>>;
