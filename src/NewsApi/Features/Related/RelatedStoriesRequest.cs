namespace NewsApi.Features.Related;

public readonly record struct RelatedStoriesRequest(int ArticleId, int First);
