using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsApi.Graph;

/// <summary>
/// An operation whose validation verdict its document settles (<see cref="SettledOperations"/>), with what is left to
/// do per request: coerce the variables and parse the arguments of the fields that are given some.
/// </summary>
public sealed class SettledOperation
{
    internal const string UserContextKey = "NewsApi.SettledOperation";

    internal SettledOperation(GraphQLOperationDefinition operation, IReadOnlyList<FieldArguments> fieldsWithArguments, bool argumentsAloneValidate)
    {
        Operation = operation;
        FieldsWithArguments = fieldsWithArguments;
        ArgumentsAloneValidate = argumentsAloneValidate;
        // Nothing selected: coercing the variables against this skips GraphQL.NET's walk of the whole operation for
        // where each variable is used, which matters only for a nullable variable used where a value is required
        // (and then ArgumentsAloneValidate is false).
        VariablesOnly = new GraphQLOperationDefinition(new GraphQLSelectionSet([]))
        {
            Operation = operation.Operation,
            Name = operation.Name,
            Variables = operation.Variables,
        };
    }

    public GraphQLOperationDefinition Operation { get; }

    /// <summary>Every field the document gives arguments, fragments' included once, with its definition.</summary>
    public IReadOnlyList<FieldArguments> FieldsWithArguments { get; }

    /// <summary>Whether coercing the variables and parsing <see cref="FieldsWithArguments"/> is all validation has left to do.</summary>
    public bool ArgumentsAloneValidate { get; }

    /// <summary>The operation's variable definitions and nothing else.</summary>
    public GraphQLOperationDefinition VariablesOnly { get; }

    /// <summary>A field node of the document and the field it selects.</summary>
    public sealed record FieldArguments(GraphQLField Node, FieldType Definition);
}
