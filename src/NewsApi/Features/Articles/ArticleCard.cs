using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

/// <summary>An article as a card or page reads it on PostgreSQL: its columns, and its tag and author ids in editorial order.</summary>
public sealed class ArticleCard
{
    public required Article Article { get; init; }

    /// <summary>Null when the article has no tags (array_agg over no rows).</summary>
    public int[]? TagIds { get; init; }

    /// <summary>Null when the article has no authors.</summary>
    public int[]? AuthorIds { get; init; }
}
