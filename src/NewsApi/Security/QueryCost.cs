namespace NewsApi.Security;

/// <summary>The cost validation computed for a request, reported to the client as <c>extensions.cost</c>.</summary>
public sealed record QueryCost(int Requested, int Limit)
{
    private const string UserContextKey = "NewsApi.QueryCost";

    internal void StoreIn(IDictionary<string, object?> userContext) => userContext[UserContextKey] = this;

    public static QueryCost? From(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(UserContextKey, out var cost) ? cost as QueryCost : null;

    public IDictionary<string, object?> ToExtension() => new Dictionary<string, object?>
    {
        ["requested"] = Requested,
        ["limit"] = Limit,
    };
}
