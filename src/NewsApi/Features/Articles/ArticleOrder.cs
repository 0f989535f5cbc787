namespace NewsApi.Features.Articles;

public enum ArticleOrder
{
    Newest,
    Oldest,
}
