using System.Security.Claims;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;
using NewsApi.Graph;

namespace NewsApi.Security;

/// <summary>
/// Depth and cost through GraphQL.NET's own complexity analyzer: objects cost 1, scalars 0, and a list multiplies what
/// is under it by its first/last (or its connection's), 20 when absent. The cost is kept for <c>extensions.cost</c>,
/// and an operation within the limits is charged to the caller's <see cref="CostBudget"/>.
/// </summary>
internal sealed class QueryCostValidationRule(IOptions<QueryLimitsOptions> limits)
    : ComplexityValidationRule(new ComplexityOptions
    {
        DefaultScalarImpact = 0,
        DefaultObjectImpact = 1,
        DefaultListImpactMultiplier = PageRequest.DefaultPageSize,
        DefaultComplexityImpactDelegate = ImpactOf,
    })
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        var options = limits.Value;
        var cost = new QueryCost((int)Math.Min(Math.Ceiling(totalComplexity), int.MaxValue), options.MaxCost);
        cost.StoreIn(context.UserContext);
        if (maxDepth > options.MaxDepth)
        {
            context.ReportError(new ValidationError(
                $"The operation nests selections {maxDepth} levels deep; at most {options.MaxDepth} are allowed.")
            {
                Code = ErrorCodes.MaxDepthExceeded,
            });
        }
        else if (totalComplexity > options.MaxCost)
        {
            context.ReportError(new ValidationError(
                $"The operation costs {cost.Requested}; at most {options.MaxCost} is allowed. Ask for smaller pages or fewer nested lists.")
            {
                Code = ErrorCodes.CostLimitExceeded,
            });
        }
        else if (ChargeCaller(context.RequestServices, context.User, cost, context.UserContext) is { } refusal)
        {
            context.ReportError(refusal);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Charges <paramref name="cost"/> to the caller's <see cref="CostBudget"/> (when rate limits are on) and returns the
    /// refusal when the budget cannot pay. Charged here, or for a document whose cost is settled by
    /// <see cref="SettledCostCharge"/>: the one place the cost is known and nothing has run yet.
    /// </summary>
    internal static ValidationError? ChargeCaller(IServiceProvider? services, ClaimsPrincipal? user, QueryCost cost, IDictionary<string, object?> userContext)
    {
        if (services?.GetService<CostBudget>() is not { } budget)
        {
            return null;
        }

        var charge = budget.Charge(user, cost.Requested);
        charge.StoreIn(userContext);
        return charge.Granted
            ? null
            : new ValidationError(
                $"The operation costs {cost.Requested} and {charge.CurrentlyAvailable} of {charge.MaximumAvailable} points are left; {charge.RestoreRate} are restored each second. Retry in {charge.RetryAfterSeconds} s.")
            {
                Code = ErrorCodes.RateLimited,
            };
    }

    /// <summary>GraphQL.NET's own impact function; it reads the multipliers from the options in use, not from this instance.</summary>
    private static readonly Func<FieldImpactContext, FieldComplexityResult> LibraryDefault = new ComplexityOptions().DefaultComplexityImpactDelegate;

    /// <summary>
    /// Introspection is free: its answer is bounded by the size of the schema, not the data, and tools send the
    /// standard query whose lists would otherwise multiply into the hundred thousands. Depth still applies.
    /// </summary>
    private static FieldComplexityResult ImpactOf(FieldImpactContext context)
    {
        if (context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
            || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return new FieldComplexityResult(0, 1);
        }

        return LibraryDefault(context);
    }
}
