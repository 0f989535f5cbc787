using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace NewsApi.Security;

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> to anonymous callers when introspection is closed to them (GraphQL.NET's
/// own rule does the finding; <c>__typename</c> is not introspection and stays, clients need it for unions).
/// </summary>
internal sealed class AnonymousIntrospectionValidationRule(IOptions<ErrorExposureOptions> exposure, IHostEnvironment environment)
    : ValidationRuleBase
{
    private readonly bool allowed = exposure.Value.AnonymousIntrospection ?? IsOpenEnvironment(environment);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (allowed || context.User?.Identity?.IsAuthenticated == true)
        {
            return default;
        }

        return NoIntrospectionValidationRule.Instance.GetPreNodeVisitorAsync(context);
    }

    internal static bool IsOpenEnvironment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
