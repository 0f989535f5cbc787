namespace NewsApi.Features.Articles;

/// <summary>Changes to an article: fields left out (or null) keep their value; lists given replace the old ones.</summary>
public sealed record UpdateArticleInput : IArticleContent
{
    public required string Id { get; init; }

    public int ExpectedVersion { get; init; }

    public string? Headline { get; init; }

    public string? Standfirst { get; init; }

    public IReadOnlyList<BlockInput>? Body { get; init; }

    public string? SectionSlug { get; init; }

    public IReadOnlyList<string>? TagSlugs { get; init; }

    public IReadOnlyList<string>? AuthorSlugs { get; init; }

    public string? Lang { get; init; }

    public string? Slug { get; init; }

    public ImageInput? HeroImage { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? SourceName { get; init; }

    public string? SourceUrl { get; init; }

    public bool? ShowInRelated { get; init; }
}
