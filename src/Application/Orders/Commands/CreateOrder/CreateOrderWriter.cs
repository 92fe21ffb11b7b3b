using AutoMapper;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>The create-order command's write step.</summary>
internal interface ICreateOrderWriter
{
    /// <summary>
    /// Writes the placed order and everything that goes with it in one short transaction, or writes
    /// nothing; with an idempotency key, the key and the order's answer too (R55).
    /// </summary>
    Task<Result> WriteAsync(Order order, CreateOrderInputs inputs, IdempotencyKey? idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>
/// Only writes, each write guarded against what may have changed since the read: the order's id,
/// the stock (R26), the address book (R29, R30), the order itself, the coupon's use (R40) and the
/// cart (R43). Prices are the ones that were read, the prices the buyer saw. A guard that finds
/// something the command read has changed answers <see cref="Result.StaleRead"/>, and the command
/// runs again from its reads, so a lost race gets the answer the reads now give. An idempotency key
/// is recorded with the order's answer as saved, so a replay answers exactly as the first request was.
/// </summary>
internal sealed class CreateOrderWriter(
    IUnitOfWork unitOfWork,
    IOrderRepository orders,
    IStockLedger stock,
    IAddressBook addressBook,
    ICouponBook coupons,
    ICart cart,
    IIdempotencyRecords idempotencyRecords,
    IMapper mapper)
    : ICreateOrderWriter
{
    public Task<Result> WriteAsync(Order order, CreateOrderInputs inputs, IdempotencyKey? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(inputs);
        return idempotencyKey is null
            ? unitOfWork.WriteAsync(token => WriteOrderAsync(order, inputs, token), cancellationToken)
            : unitOfWork.WriteAsync(
                token => WriteOrderAsync(order, inputs, token),
                token => idempotencyRecords.RecordAsync(order.BuyerId, idempotencyKey, mapper.Map<OrderDto>(order), order.CreatedAt, token),
                cancellationToken);
    }

    private async Task<Result> WriteOrderAsync(Order order, CreateOrderInputs inputs, CancellationToken token)
    {
        // R52's format numbers at most 10,000 orders a second: past that, the buyer is asked to retry.
        if (await orders.NextIdAsync(order.CreatedAt, token) is not { } id)
        {
            return Error.Of(ErrorCode.RateLimited);
        }

        order.AssignId(id);
        if ((await ReserveStockAsync(order, inputs.Lines, token)).Failed(out var shortage))
        {
            return shortage;
        }

        var addressBookInStep = await KeepAddressBookInStepAsync(order, inputs.Shipping, token);
        if (!addressBookInStep.IsSuccess)
        {
            return addressBookInStep;
        }

        await orders.AddAsync(order, token);
        if (inputs.Coupon is { } coupon)
        {
            var redemption = await coupons.TryRedeemAsync(coupon.Terms.CouponCodeId, order.BuyerId, order.Id, token);
            if (redemption != RedemptionOutcome.Redeemed)
            {
                return Result.StaleRead(coupon.ErrorFor(redemption));
            }
        }

        // A concurrent order that took the same cart items first leaves fewer to remove.
        var cartIds = inputs.CartIds;
        return cartIds.Count > 0 && await cart.RemoveAsync(order.BuyerId, cartIds, token) != cartIds.Count
            ? Result.StaleRead(Error.Of(ErrorCode.CartItemNotFound, "cart_ids"))
            : Result.Success;
    }

    /// <summary>
    /// R26: one conditional decrement per line, taken in one canonical order (goods id, then SKU id) so
    /// that two orders never wait on each other's rows in a circle on a server database. Every line
    /// is tried, so the refusal names the first short line in the order the client sent them,
    /// whatever the locking order; the refusal rolls every decrement back.
    /// </summary>
    private async Task<Result> ReserveStockAsync(Order order, PricedLines lines, CancellationToken cancellationToken)
    {
        if (order.Type != OrderType.Goods)
        {
            return Result.Success;
        }

        var shortLines = new HashSet<OrderLine>();
        foreach (var line in order.Lines.OrderBy(l => l.GoodsId).ThenBy(l => l.SkuId ?? 0))
        {
            if (!await stock.TryReserveAsync(line.GoodsId, line.SkuId, line.Quantity, cancellationToken))
            {
                shortLines.Add(line);
            }
        }

        var firstShort = order.Lines.FirstOrDefault(shortLines.Contains);
        return firstShort is null
            ? Result.Success
            : lines.SourceOf(firstShort).ErrorAt(ErrorCode.InsufficientStock, "quantity").With("sku_id", firstShort.SkuId ?? 0);
    }

    /// <summary>R29, R30: a saved address is kept or rewritten, unless the buyer deleted it meanwhile; a new one joins the book.</summary>
    private async Task<Result> KeepAddressBookInStepAsync(Order order, ShippingPlan shipping, CancellationToken cancellationToken)
    {
        if (shipping.Change == AddressBookChange.AddNew)
        {
            await addressBook.AddForAsync(order, cancellationToken);
            return Result.Success;
        }

        if (shipping is not { Destination: { AddressId: { } addressId } destination })
        {
            return Result.Success;
        }

        var stillThere = shipping.Change == AddressBookChange.UpdateSaved
            ? await addressBook.UpdateAsync(order.BuyerId, addressId, destination.Address, cancellationToken)
            : await addressBook.KeepAsync(order.BuyerId, addressId, cancellationToken);
        return stillThere ? Result.Success : Result.StaleRead(AddressInput.NotFound(addressId));
    }
}
