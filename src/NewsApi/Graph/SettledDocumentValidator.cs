using GraphQL.Execution;
using GraphQL.Validation;

namespace NewsApi.Graph;

/// <summary>
/// GraphQL.NET's validator, except for an operation the document cache has settled and marked in the user context
/// (<see cref="ParsedDocumentCache"/>): no rule runs for it, so all that is left is what GraphQL.NET would still do
/// with no rules, done without its two walks of the whole document: the variables are coerced against their
/// definitions alone, and the arguments are parsed for the fields known to have some. Those walks were half of what
/// validating a settled article page cost. Errors are the ones GraphQL.NET reports, from its own coercion.
/// </summary>
public sealed class SettledDocumentValidator : IDocumentValidator
{
    private readonly DocumentValidator full = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules?.Any() != false
            || !options.UserContext.TryGetValue(SettledOperation.UserContextKey, out var marked)
            || marked is not SettledOperation { ArgumentsAloneValidate: true } settled
            || !ReferenceEquals(settled.Operation, options.Operation))
        {
            return full.ValidateAsync(options);
        }

        return ValidateSettledAsync(settled, options);
    }

    private static async Task<IValidationResult> ValidateSettledAsync(SettledOperation settled, ValidationOptions options)
    {
        var context = new ValidationContext
        {
            Schema = options.Schema,
            Document = options.Document,
            Operation = settled.VariablesOnly,
            TypeInfo = new TypeInfo(options.Schema),
            Variables = options.Variables,
            Extensions = options.Extensions,
            UserContext = options.UserContext,
            Metrics = options.Metrics,
            RequestServices = options.RequestServices,
            User = options.User,
            CancellationToken = options.CancellationToken,
        };
        var (variables, variableErrors) = await context.GetVariablesValuesAsync();
        if (variableErrors is { Count: > 0 })
        {
            return new ValidationResult(variableErrors) { Variables = variables };
        }

        Dictionary<GraphQLParser.AST.GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        List<ValidationError>? argumentErrors = null;
        foreach (var (node, definition) in settled.FieldsWithArguments)
        {
            try
            {
                if (ExecutionHelper.GetArguments(definition.Arguments, node.Arguments, variables, options.Document, node, null) is { } values)
                {
                    (arguments ??= []).Add(node, values);
                }
            }
            catch (ValidationError error)
            {
                (argumentErrors ??= []).Add(error);
            }
        }

        return new ValidationResult(argumentErrors ?? []) { Variables = variables, ArgumentValues = arguments };
    }
}
