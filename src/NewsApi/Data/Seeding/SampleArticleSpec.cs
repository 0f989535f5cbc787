using NewsApi.Data.Entities;

namespace NewsApi.Data.Seeding;

/// <summary>One hand-written sample article, described by slugs so the seed can resolve sections, authors and tags.</summary>
internal sealed record SampleArticleSpec
{
    /// <summary>Null derives the slug from the headline.</summary>
    public string? Slug { get; init; }

    public required string Headline { get; init; }

    public required string Standfirst { get; init; }

    public required string Section { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>How long before seeding it was published; negative for a scheduled article.</summary>
    public TimeSpan Age { get; init; }

    public ArticleStatus Status { get; init; } = ArticleStatus.Published;

    public required IReadOnlyList<ArticleBlock> Body { get; init; }

    public string? SourceName { get; init; }

    public string? HeroImageUrl { get; init; }

    public string? HeroImageCaption { get; init; }

    public string? HeroImageCredit { get; init; }

    public string? HeroImageAlt { get; init; }
}
