using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;
using NewsApi.Graph;

namespace NewsApi.Security;

/// <summary>
/// GitHub's node limit on GraphQL.NET's complexity visitor: a field that pages (has a first or last argument) adds
/// its page size times the page sizes above it; nothing else counts.
/// </summary>
internal sealed class NodeLimitValidationRule(IOptions<QueryLimitsOptions> limits)
    : ComplexityValidationRule(new ComplexityOptions { DefaultComplexityImpactDelegate = PageSizeImpact })
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        var max = limits.Value.MaxNodes;
        if (totalComplexity > max)
        {
            context.ReportError(new ValidationError(
                $"The operation could return {totalComplexity:0} nodes; at most {max} are allowed. Nested pages multiply: ask for smaller ones.")
            {
                Code = ErrorCodes.NodeLimitExceeded,
            });
        }

        return ValueTask.CompletedTask;
    }

    private static FieldComplexityResult PageSizeImpact(FieldImpactContext context)
    {
        var arguments = context.FieldDefinition.Arguments;
        if (arguments?.Find("first") is null && arguments?.Find("last") is null)
        {
            return new FieldComplexityResult(0, 1);
        }

        var size = SizeOf(context, "first") ?? SizeOf(context, "last") ?? PageRequest.DefaultPageSize;
        return new FieldComplexityResult(size, size);
    }

    private static int? SizeOf(FieldImpactContext context, string name) =>
        context.Arguments?.TryGetValue(name, out var argument) == true && argument.Value is int size ? Math.Max(size, 0) : null;
}
