using NewsApi.Data.Entities;

namespace NewsApi.Features.Tickers;

/// <summary>A breaking-news item: only the headline is required; it goes on air now unless told otherwise.</summary>
public sealed record CreateTickerItemInput
{
    public required string Headline { get; init; }

    public string? Excerpt { get; init; }

    public string? ArticleId { get; init; }

    public TickerPriority? Priority { get; init; }

    public DateTime? StartsAt { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public int? Position { get; init; }

    public string? Lang { get; init; }
}
