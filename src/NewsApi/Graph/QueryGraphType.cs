using GraphQL.Types;
using NewsApi.Features.Articles;
using NewsApi.Features.Audit;
using NewsApi.Features.Authors;
using NewsApi.Features.Nodes;
using NewsApi.Features.Search;
using NewsApi.Features.Sections;
using NewsApi.Features.Statistics;
using NewsApi.Features.Tags;
using NewsApi.Features.Sync;
using NewsApi.Features.Tickers;

namespace NewsApi.Graph;

/// <summary>The root query: each feature adds its own fields.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Description = "The public read API. Anonymous callers see published content only.";
        this.AddNodeQueries();
        this.AddArticleQueries();
        this.AddSearchQueries();
        this.AddTickerQueries();
        this.AddTagQueries();
        this.AddSectionQueries();
        this.AddAuthorQueries();
        this.AddSyncQueries();
        this.AddAuditQueries();
        this.AddStatisticsQueries();
    }
}
