using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed record ArticleFilter
{
    public const int MaxTags = 20;

    public string? Section { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public TagsMatch TagsMatch { get; init; } = TagsMatch.Any;

    public string? Author { get; init; }

    public DateTime? PublishedAfter { get; init; }

    public DateTime? PublishedBefore { get; init; }

    public IReadOnlyList<ArticleStatus>? Status { get; init; }
}
