namespace NewsApi.Features.Statistics;

/// <summary>Articles published in the range that carry a tag.</summary>
public sealed record TagCount(int TagId, int Count);
