namespace NewsApi.Features.Articles;

public sealed record SetArticleTagsInput
{
    public required string Id { get; init; }

    public required IReadOnlyList<string> TagSlugs { get; init; }

    public int? ExpectedVersion { get; init; }
}
