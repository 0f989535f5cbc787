using GraphQL.Execution;
using GraphQL.Validation;

namespace NewsApi.Security;

/// <summary>
/// Charges the caller for an operation whose cost was settled when its document was first validated
/// (<see cref="NewsApi.Graph.ParsedDocumentCache"/>): the cost rule no longer runs for it, but the caller's budget is
/// spent per request. After validation, as the rule would, so that a request refused for its variables costs nothing.
/// </summary>
internal sealed class SettledCostCharge : DocumentExecutionListenerBase
{
    public static SettledCostCharge Instance { get; } = new();

    public override Task AfterValidationAsync(IExecutionContext context, IValidationResult validationResult)
    {
        if (validationResult.IsValid
            && QueryCost.From(context.UserContext) is { } cost
            && QueryCostValidationRule.ChargeCaller(context.RequestServices, context.User, cost, context.UserContext) is { } refusal)
        {
            context.Errors.Add(refusal);
        }

        return Task.CompletedTask;
    }
}
