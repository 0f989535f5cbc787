namespace NewsApi.Features.Feeds;

/// <summary>One article as every feed format shows it.</summary>
public sealed record FeedItem(
    string Id,
    Uri Link,
    string Title,
    string? Summary,
    DateTime Published,
    DateTime Updated,
    string Lang,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors);
