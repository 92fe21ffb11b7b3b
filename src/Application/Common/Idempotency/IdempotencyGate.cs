using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Application.Common.Idempotency;

/// <summary>
/// R55 before a command does anything: a key whose first request this process is still running is
/// in use; a key already recorded with another request's fingerprint is reused; a key recorded with
/// this request's fingerprint has an answer to replay. Keys are the buyer's own: another buyer's
/// identical key is a different key.
/// </summary>
internal sealed class IdempotencyGate(KeysInFlight inFlight, IIdempotencyRecords records, SignedInBuyer buyer)
{
    /// <summary>The key's turn in this process, held until the returned turn is disposed, or the refusal.</summary>
    public async Task<Result<KeyTurn>> TakeTurnAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var buyerId = (await buyer.RequireAsync(cancellationToken)).Id;
        var hold = inFlight.TryHold(buyerId, key.Value);
        if (hold is null)
        {
            return Error.Of(ErrorCode.IdempotencyKeyInUse);
        }

        try
        {
            var earlier = await records.FindAsync(buyerId, key.Value, cancellationToken);
            if (earlier is not null && earlier.Fingerprint != key.Fingerprint)
            {
                hold.Dispose();
                return Error.Of(ErrorCode.IdempotencyKeyReused);
            }

            return new KeyTurn(hold, earlier?.Order);
        }
        catch
        {
            hold.Dispose();
            throw;
        }
    }
}
