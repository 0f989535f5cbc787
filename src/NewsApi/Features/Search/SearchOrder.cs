namespace NewsApi.Features.Search;

public enum SearchOrder
{
    Relevance,
    Newest,
}
