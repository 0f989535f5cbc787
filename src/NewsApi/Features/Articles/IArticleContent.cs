namespace NewsApi.Features.Articles;

/// <summary>The fields createArticle and updateArticle share, so that one validator checks them the same way.</summary>
public interface IArticleContent
{
    string? Headline { get; }

    string? Standfirst { get; }

    IReadOnlyList<BlockInput>? Body { get; }

    string? SectionSlug { get; }

    IReadOnlyList<string>? TagSlugs { get; }

    IReadOnlyList<string>? AuthorSlugs { get; }

    string? Lang { get; }

    string? Slug { get; }

    ImageInput? HeroImage { get; }

    string? CanonicalUrl { get; }

    string? SourceName { get; }

    string? SourceUrl { get; }

    bool? ShowInRelated { get; }
}
