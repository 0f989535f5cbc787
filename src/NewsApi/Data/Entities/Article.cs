namespace NewsApi.Data.Entities;

public sealed class Article
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Headline { get; set; }

    public string? Standfirst { get; set; }

    public List<ArticleBlock> Body { get; set; } = [];

    /// <summary>BCP 47 language tag of the article's text; the API derives the text direction from it.</summary>
    public string Lang { get; set; } = "ar";

    public ArticleStatus Status { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int? SectionId { get; set; }

    public Section? Section { get; set; }

    /// <summary>Where the story came from when it is not our own reporting, e.g. a news agency.</summary>
    public string? SourceName { get; set; }

    public string? SourceUrl { get; set; }

    public string? HeroImageUrl { get; set; }

    public string? HeroImageCaption { get; set; }

    public string? HeroImageCredit { get; set; }

    public string? HeroImageAlt { get; set; }

    public string? CanonicalUrl { get; set; }

    /// <summary>Kept in step with the body on every write so lists never need the body to show it.</summary>
    public int WordCount { get; set; }

    /// <summary>When false the article is never suggested as an automatically related story.</summary>
    public bool ShowInRelated { get; set; } = true;

    /// <summary>Optimistic concurrency token: every write increments it.</summary>
    public int Version { get; set; } = 1;

    public List<ArticleTag> Tags { get; set; } = [];

    public List<ArticleAuthor> Authors { get; set; } = [];

    public List<RelatedLink> RelatedLinks { get; set; } = [];
}
