namespace NewsApi.Data.Entities;

public sealed class ArticleTag
{
    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public int TagId { get; set; }

    public Tag? Tag { get; set; }

    /// <summary>Editorial order of the tag on the article: the first is the main subject.</summary>
    public int Position { get; set; }

    // Copies of the article's columns that decide public visibility, so a tag page and the related-story
    // candidates walk one index of this table instead of probing every article carrying the tag. The database
    // keeps them (triggers added by the TagPageVisibility migration) whoever writes: EF, the scheduler, raw SQL.

    /// <summary>The article's status, kept by the database.</summary>
    public ArticleStatus Status { get; set; }

    /// <summary>The article's publication time, kept by the database.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Whether the article may be suggested as related, kept by the database.</summary>
    public bool ShowInRelated { get; set; }
}
