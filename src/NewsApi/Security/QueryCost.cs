namespace NewsApi.Security;

/// <summary>The cost validation computed for a request, reported to the client as <c>extensions.cost</c>.</summary>
public sealed record QueryCost(int Requested, int Limit)
{
    private const string UserContextKey = "NewsApi.QueryCost";

    internal void StoreIn(IDictionary<string, object?> userContext) => userContext[UserContextKey] = this;

    public static QueryCost? From(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(UserContextKey, out var cost) ? cost as QueryCost : null;

    /// <summary>
    /// Shopify's shape: the cost, the most one operation may cost, and, unless the answer is shared by caches, what is
    /// left of the caller's budget (a cached answer must not carry one caller's budget to another).
    /// </summary>
    public IDictionary<string, object?> ToExtension(CostCharge? charge)
    {
        var extension = new Dictionary<string, object?>
        {
            ["requestedQueryCost"] = Requested,
            ["maximumQueryCost"] = Limit,
        };
        if (charge is not null)
        {
            extension["throttleStatus"] = charge.ToThrottleStatus();
        }

        return extension;
    }
}
