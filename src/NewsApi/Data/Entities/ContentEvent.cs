namespace NewsApi.Data.Entities;

/// <summary>
/// One entry of the durable event log that live subscribers and catching-up clients read. Written in the same
/// transaction as the change it records; its id is the event's sequence number.
/// </summary>
public sealed class ContentEvent
{
    public long Id { get; set; }

    public ContentEventKind Kind { get; set; }

    /// <summary>The ticker item or article the event is about.</summary>
    public int EntityId { get; set; }

    /// <summary>For ticker events, the item as it was (JSON), so a removed item can still be described.</summary>
    public string? Snapshot { get; set; }

    public DateTime OccurredAt { get; set; }
}
