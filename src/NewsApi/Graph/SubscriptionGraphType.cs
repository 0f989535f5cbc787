using GraphQL.Types;
using NewsApi.Features.Live;

namespace NewsApi.Graph;

/// <summary>The root subscription type: live events over WebSocket (graphql-transport-ws).</summary>
public sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType()
    {
        Name = "Subscription";
        Description = "Live breaking news over WebSocket (graphql-transport-ws). Every event has a sequence to resume from.";
        this.AddLiveSubscriptions();
    }
}
