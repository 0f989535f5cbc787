using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Search;

public sealed class SearchOrderGraphType : EnumerationGraphType<SearchOrder>
{
    public SearchOrderGraphType()
    {
        Name = "SearchOrder";
        Description = "Order of search results.";
        this.Describe("RELEVANCE", "Best match first (headline over standfirst over tags over body), then the newest.");
        this.Describe("NEWEST", "Most recently published first, among the matches.");
    }
}
