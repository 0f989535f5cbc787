using NewsApi.Graph;

namespace NewsApi.Features.Search;

public sealed class SearchConnectionGraphType : ConnectionGraphType<SearchResultGraphType, SearchResult, SearchEdgeGraphType>
{
    public SearchConnectionGraphType()
        : base("Search")
    {
        Description = "A page of search results with keyset cursors over (score, publishedAt, id): scores depend only on the article and " +
            "the query, so paging never repeats or skips a result while other news is published.";
    }
}
