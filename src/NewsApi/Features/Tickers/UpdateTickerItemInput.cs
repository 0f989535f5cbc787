using NewsApi.Data.Entities;

namespace NewsApi.Features.Tickers;

/// <summary>Changes to a ticker item: fields left out (or null) keep their value.</summary>
public sealed record UpdateTickerItemInput
{
    public required string Id { get; init; }

    public int? ExpectedVersion { get; init; }

    public string? Headline { get; init; }

    public string? Excerpt { get; init; }

    public string? ArticleId { get; init; }

    public TickerPriority? Priority { get; init; }

    public DateTime? StartsAt { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public int? Position { get; init; }

    public string? Lang { get; init; }
}
