using NewsApi.Graph;

namespace NewsApi.Features.Search;

public sealed class SearchEdgeGraphType : EdgeGraphType<SearchResultGraphType, SearchResult>
{
    public SearchEdgeGraphType()
        : base("Search")
    {
        Description = "A search result with its position in the results.";
        GetField("node")!.Description = "The search result.";
    }
}
