namespace OrderPlatform.Domain.Orders;

/// <summary>What confirming a payment did to an order (R65).</summary>
public enum PaymentRecording
{
    /// <summary>The order was waiting and is now paid: the change must be written.</summary>
    Recorded,

    /// <summary>The order was already paid by this same payment: nothing changes.</summary>
    AlreadyRecorded,
}
