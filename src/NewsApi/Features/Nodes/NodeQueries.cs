using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQL.Validation;
using NewsApi.Features.Articles;
using NewsApi.Features.Authors;
using NewsApi.Features.Sections;
using NewsApi.Features.Tags;
using NewsApi.Features.Tickers;
using NewsApi.Graph;

namespace NewsApi.Features.Nodes;

public static class NodeQueries
{
    public const int MaxIds = 100;

    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterfaceGraphType>("node")
            .Description("Any object by its global ID; null when it does not exist or is not public.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID.")
            .Resolve(context => Load(context.RequestServices!, context.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceGraphType>>>("nodes")
            .Description($"Objects by global ID, in the order asked (null where absent); at most {MaxIds}.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global IDs.")
            .ValidateArguments(context =>
            {
                if (context.Arguments?.TryGetValue("ids", out var ids) == true && ids.Value is System.Collections.ICollection { Count: > MaxIds } list)
                {
                    throw new ValidationError($"`nodes` takes at most {MaxIds} IDs; it was given {list.Count}.") { Code = ErrorCodes.PageSizeOutOfRange };
                }
            })
            .ResolveAsync(async context =>
            {
                var loads = context.GetArgument<List<string>>("ids").Select(id => Load(context.RequestServices!, id)).ToList();
                var nodes = new List<object?>(loads.Count);
                foreach (var load in loads)
                {
                    nodes.Add(load is null ? null : await load.GetResultAsync(context.CancellationToken));
                }

                return nodes;
            });
    }

    private static IDataLoaderResult? Load(IServiceProvider services, string globalId)
    {
        if (!GlobalId.TryDecode(globalId, out var type, out var id))
        {
            throw new ApiError(ErrorCodes.InvalidId, $"'{GlobalId.Truncate(globalId)}' is not a valid ID.");
        }

        return type switch
        {
            ArticleGraphType.TypeName => services.GetRequiredService<ArticleByIdDataLoader>().LoadAsync(id),
            TickerItemGraphType.TypeName => services.GetRequiredService<TickerItemByIdDataLoader>().LoadAsync(id),
            TagGraphType.TypeName => services.GetRequiredService<TagByIdDataLoader>().LoadAsync(id),
            SectionGraphType.TypeName => services.GetRequiredService<SectionByIdDataLoader>().LoadAsync(id),
            AuthorGraphType.TypeName => services.GetRequiredService<AuthorByIdDataLoader>().LoadAsync(id),
            _ => throw new ApiError(ErrorCodes.InvalidId, $"'{GlobalId.Truncate(globalId)}' is not a valid ID."),
        };
    }
}
