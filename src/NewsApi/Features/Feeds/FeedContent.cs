namespace NewsApi.Features.Feeds;

/// <summary>What a feed contains, before it is written in a format.</summary>
public sealed record FeedContent(string Title, string Description, Uri Link, Uri Self, DateTime Updated, IReadOnlyList<FeedItem> Items);
