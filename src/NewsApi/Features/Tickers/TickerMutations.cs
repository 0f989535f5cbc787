using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tickers;

public static class TickerMutations
{
    public static void AddTickerMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateTickerItemInput, CreateTickerItemInputGraphType, TickerItemPayloadGraphType, TickerItem>(
            "createTickerItem",
            "Puts a breaking-news item on the ticker (now, or from startsAt).",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<TickerEditor>().CreateAsync(input, token));

        mutation.Mutation<UpdateTickerItemInput, UpdateTickerItemInputGraphType, TickerItemPayloadGraphType, TickerItem>(
            "updateTickerItem",
            "Changes a ticker item.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<TickerEditor>().UpdateAsync(input, token));

        mutation.Mutation<ExpireTickerItemInput, ExpireTickerItemInputGraphType, TickerItemPayloadGraphType, TickerItem>(
            "expireTickerItem",
            "Takes a ticker item off the air now (an item not yet on air never airs). Expiring an expired item changes nothing.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<TickerEditor>().ExpireAsync(input, token));
    }
}
