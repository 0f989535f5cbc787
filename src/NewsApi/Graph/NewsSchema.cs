using GraphQL.Types;

namespace NewsApi.Graph;

public sealed class NewsSchema : Schema
{
    public NewsSchema(IServiceProvider services, QueryGraphType query)
        : base(services)
    {
        Query = query;
        Description = "NewsApi: articles, breaking-news tickers, tags and related stories of an Arabic-first newsroom.";
    }
}
