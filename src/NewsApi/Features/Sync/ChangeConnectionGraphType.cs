using GraphQL;
using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Sync;

public sealed class ChangeConnectionGraphType : ConnectionGraphType<ChangeGraphType, SyncChange, ChangeEdgeGraphType>
{
    public ChangeConnectionGraphType()
        : base("Change")
    {
        Field<NonNullGraphType<StringGraphType>>("syncToken")
            .Description("Pass it as `since` next time. Keep asking while pageInfo.hasNextPage is true.")
            .Resolve(context => context.Source.PageInfo.EndCursor ?? context.Parent?.GetArgument<string?>("since") ?? "0");
    }
}
