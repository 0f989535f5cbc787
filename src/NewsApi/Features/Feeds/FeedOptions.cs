namespace NewsApi.Features.Feeds;

/// <summary>The <c>Feeds</c> configuration section: how the feeds name and link the site they syndicate.</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feeds";

    /// <summary>The newsroom site the feeds point readers to; article links fall back to {SiteUrl}/ar/{slug}.</summary>
    public Uri SiteUrl { get; set; } = new("https://news.example/");

    public string Title { get; set; } = "آخر الأخبار";

    public string Description { get; set; } = "آخر الأخبار المنشورة";

    /// <summary>Items per feed.</summary>
    public int Size { get; set; } = 30;

    /// <summary>How long partners and their caches may reuse a feed.</summary>
    public int MaxAgeSeconds { get; set; } = 60;
}
