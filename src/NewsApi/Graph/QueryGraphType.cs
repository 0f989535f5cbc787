using GraphQL.Types;
using NewsApi.Features.Tickers;

namespace NewsApi.Graph;

/// <summary>The root query: each feature adds its own fields.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Description = "The public read API. Anonymous callers see published content only.";
        this.AddTickerQueries();
    }
}
