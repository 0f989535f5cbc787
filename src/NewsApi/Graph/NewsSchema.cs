using NewsApi.Features.Articles;

using GraphQL;

namespace NewsApi.Graph;

public sealed class NewsSchema : GraphQL.Types.Schema
{
    public NewsSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation, SubscriptionGraphType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = "NewsApi: articles, breaking-news tickers, tags and related stories of an Arabic-first newsroom.";

        // Reached only through the Block interface, so named here for the schema to know them.
        this.RegisterType<ParagraphBlockGraphType>();
        this.RegisterType<QuoteBlockGraphType>();
        this.RegisterType<HeadingBlockGraphType>();
        this.RegisterType<ImageBlockGraphType>();
        this.RegisterType<EmbedBlockGraphType>();
    }
}
