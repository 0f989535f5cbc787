using GraphQL.Types;

namespace NewsApi.Graph;

/// <summary>A Relay connection: edges with cursors, the nodes alone for clients that need no cursors, paging info and the total.</summary>
public abstract class ConnectionGraphType<TNodeGraphType, TNode, TEdgeGraphType> : ObjectGraphType<ConnectionPage<TNode>>
    where TNodeGraphType : IGraphType
    where TEdgeGraphType : IGraphType
{
    protected ConnectionGraphType(string nodeTypeName)
    {
        Name = nodeTypeName + "Connection";
        Description = $"A page of {nodeTypeName} items with keyset cursors: paging never skips or repeats an item while new ones are added.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraphType>>>>("edges")
            .Description("The items of this page, each with its cursor.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes")
            .Description("The items of this page without cursors.")
            .Resolve(context => context.Source.Edges.Select(edge => edge.Node));
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Cursors and whether more pages exist.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items match, across all pages. Costs one extra count query: ask only when shown.")
            .ResolveAsync(async context => await context.Source.CountAsync(context.CancellationToken));
    }
}
