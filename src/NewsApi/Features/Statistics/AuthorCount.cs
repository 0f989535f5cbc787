namespace NewsApi.Features.Statistics;

/// <summary>Articles published in the range that an author is on the byline of.</summary>
public sealed record AuthorCount(int AuthorId, int Count);
