using GraphQL.Execution;
using GraphQL.Validation;

namespace NewsApi.Security;

/// <summary>
/// Reports and charges the cost of an operation whose cost was settled with its verdict
/// (<see cref="NewsApi.Graph.ParsedDocumentCache"/>): the cost rule no longer runs for it, but <c>extensions.cost</c>
/// and the caller's budget are per request. After validation, as the rule would, so that a request refused for its
/// variables neither reports a cost nor spends any.
/// </summary>
internal sealed class SettledCostCharge(QueryCost cost) : DocumentExecutionListenerBase
{
    public QueryCost Cost { get; } = cost;

    public override Task AfterValidationAsync(IExecutionContext context, IValidationResult validationResult)
    {
        if (validationResult.IsValid)
        {
            Cost.StoreIn(context.UserContext);
            if (QueryCostValidationRule.ChargeCaller(context.RequestServices, context.User, Cost, context.UserContext) is { } refusal)
            {
                context.Errors.Add(refusal);
            }
        }

        return Task.CompletedTask;
    }
}
