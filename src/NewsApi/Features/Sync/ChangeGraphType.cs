using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Sync;

public sealed class ChangeGraphType : ObjectGraphType<SyncChange>
{
    public ChangeGraphType()
    {
        Name = "Change";
        Description = "A change to an article, ticker item or tag since a sync token.";
        Field<NonNullGraphType<StringGraphType>>("sequence").Description("Position in the change log.").Resolve(context => context.Source.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<ChangeKindGraphType>>("kind").Description("UPSERT (store `node`) or DELETE (a tombstone).").Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("type").Description("Article, TickerItem or Tag.").Resolve(context => context.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the object, also for tombstones.").Resolve(context => GlobalId.Encode(context.Source.Type, context.Source.EntityId));
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When the change happened, UTC.").Resolve(context => context.Source.At);
        Field<NodeInterfaceGraphType>("node").Description("The object as a reader sees it now; null for DELETE.").Resolve(context => context.Source.Node);
    }
}
