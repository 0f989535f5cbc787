namespace NewsApi.Features.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}
