namespace NewsApi.Features.Articles;

/// <summary>A new article; it starts as a DRAFT. Without a slug, one is made from the headline.</summary>
public sealed record CreateArticleInput : IArticleContent
{
    public required string Headline { get; init; }

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
