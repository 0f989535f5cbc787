using NewsApi.Features.Related;

namespace NewsApi.Features.Articles;

/// <summary>
/// An article page as PostgreSQL reads it in one statement, in one row: the article's card and its ranked related
/// stories as <c>related_stories_json</c> returns them (<see cref="RankedRelatedStoriesJson"/> reads them).
/// </summary>
public sealed class ArticlePage
{
    public required ArticleCard Card { get; init; }

    public required string RelatedJson { get; init; }
}
