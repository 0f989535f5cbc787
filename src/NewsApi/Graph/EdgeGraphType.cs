using GraphQL.Types;

namespace NewsApi.Graph;

public abstract class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<ConnectionEdge<TNode>>
    where TNodeGraphType : IGraphType
{
    protected EdgeGraphType(string nodeTypeName)
    {
        Name = nodeTypeName + "Edge";
        Description = $"A {nodeTypeName} with its position in the connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque position of this edge; valid only for the connection that issued it.")
            .Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node")
            .Description($"The {nodeTypeName}.")
            .Resolve(context => context.Source.Node);
    }
}
