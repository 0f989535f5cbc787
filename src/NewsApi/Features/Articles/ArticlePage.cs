using NewsApi.Features.Related;

namespace NewsApi.Features.Articles;

/// <summary>An article page as PostgreSQL reads it in one statement: the article's card and its ranked related stories.</summary>
public sealed class ArticlePage
{
    public required ArticleCard Card { get; init; }

    public required List<RankedRelatedStory> Related { get; init; }
}
