using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsApi.Graph;

/// <summary>
/// Whether an operation's validation verdict is settled by its document alone, so that a cached copy of a document
/// that passed once need not be validated again (<see cref="ParsedDocumentCache"/>). It is unless a variable reaches
/// something a check reads per request:
/// <list type="bullet">
/// <item>a page size (<c>first</c>, <c>last</c>) or a list field's argument, which the node limit and the cost
/// multiply by;</item>
/// <item>an argument its field validates together with the others (<see cref="ConnectionArguments"/>: page ranges,
/// one direction), unless the field names the arguments its check reads (<see cref="ValidatedArgumentsKey"/>) and
/// the variable reaches another;</item>
/// <item>an argument that carries a directive (such as <c>@length</c>) or an input object, whose fields may;</item>
/// <item>a directive (<c>@skip</c>, <c>@include</c>), which changes what is selected.</item>
/// </list>
/// An operation that asks anything of introspection is never settled: whether the caller may is decided per request.
/// Anything it cannot resolve against the schema counts as unsettled.
/// </summary>
public static class SettledOperations
{
    /// <summary>Field metadata: the arguments a field's <c>ValidateArguments</c> check reads (a string array).</summary>
    public const string ValidatedArgumentsKey = "NewsApi.ValidatedArguments";

    public static bool IsSettled(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation) =>
        Settle(schema, document, operation) is not null;

    /// <summary>The settled form of <paramref name="operation"/>, or null when its variables or its caller can change its verdict.</summary>
    public static SettledOperation? Settle(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        IGraphType? root = operation.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => null,
        };
        var walk = new Walk(schema, document);
        if (root is null || ReadsVariable(operation.Directives) || !walk.Settled(operation.SelectionSet, root))
        {
            return null;
        }

        var directives = walk.SawDirective || operation.Directives?.Count > 0
            || operation.Variables?.Items.Any(v => v.Directives?.Count > 0) == true;
        return new SettledOperation(operation, walk.FieldsWithArguments, ArgumentsAloneValidate(schema, document, operation, directives));
    }

    /// <summary>
    /// Whether coercing the variables and parsing the listed fields' arguments is all validation has left to do. Not
    /// when a directive appears (GraphQL.NET parses those too) or a nullable variable is used where a value is required
    /// (its coercion then depends on where it is used).
    /// </summary>
    private static bool ArgumentsAloneValidate(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, bool directives)
    {
        if (directives)
        {
            return false;
        }

        var context = new ValidationContext { Schema = schema, Document = document, Operation = operation, TypeInfo = new TypeInfo(schema) };
        var usages = context.GetRecursiveVariables(operation) ?? [];
        return operation.Variables?.Items.All(definition => definition.Type is GraphQLNonNullType
            || !usages.Any(u => u.Node.Name == definition.Variable.Name && u.Type is NonNullGraphType)) ?? true;
    }

    private sealed class Walk(ISchema schema, GraphQLDocument document)
    {
        // A fragment is read against its own type condition, so one look settles every spread of it.
        private readonly HashSet<string> walked = new(StringComparer.Ordinal);

        /// <summary>Every field given arguments, with its definition, fragments' included once (as GraphQL.NET parses them).</summary>
        public List<SettledOperation.FieldArguments> FieldsWithArguments { get; } = [];

        public bool SawDirective { get; private set; }

        public bool Settled(GraphQLSelectionSet? set, IGraphType parent)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                SawDirective |= selection is IHasDirectivesNode { Directives.Count: > 0 };
                var settled = selection switch
                {
                    GraphQLField field => !ReadsVariable(field.Directives) && FieldSettled(field, parent),
                    GraphQLInlineFragment inline => !ReadsVariable(inline.Directives)
                        && (inline.TypeCondition is null ? parent : TypeNamed(inline.TypeCondition)) is { } type
                        && Settled(inline.SelectionSet, type),
                    GraphQLFragmentSpread spread => !ReadsVariable(spread.Directives) && FragmentSettled(spread),
                    _ => false,
                };
                if (!settled)
                {
                    return false;
                }
            }

            return true;
        }

        private bool FragmentSettled(GraphQLFragmentSpread spread)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (!walked.Add(name))
            {
                return true;
            }

            var fragment = SelectionScan.FragmentNamed(document, spread.FragmentName.Name);
            SawDirective |= fragment?.Directives?.Count > 0;
            return fragment is not null
                && !ReadsVariable(fragment.Directives)
                && TypeNamed(fragment.TypeCondition) is { } type
                && Settled(fragment.SelectionSet, type);
        }

        private bool FieldSettled(GraphQLField node, IGraphType parent)
        {
            var name = node.Name.StringValue;
            if (name == "__typename")
            {
                return true;
            }

            if (name.StartsWith("__", StringComparison.Ordinal)
                || parent is not IComplexGraphType complex
                || complex.GetField(name) is not { ResolvedType: { } resolved } field)
            {
                return false;
            }

            foreach (var argument in node.Arguments?.Items ?? [])
            {
                if (ReadsVariable(argument.Value) && !ArgumentSettled(field, resolved, argument.Name.StringValue))
                {
                    return false;
                }
            }

            if (node.Arguments?.Count > 0)
            {
                FieldsWithArguments.Add(new SettledOperation.FieldArguments(node, field));
            }

            return node.SelectionSet is null || Settled(node.SelectionSet, resolved.GetNamedType());
        }

        private static bool ArgumentSettled(FieldType field, IGraphType resolved, string name)
        {
            if (name is "first" or "last" || Unwrapped(resolved) is ListGraphType)
            {
                return false;
            }

            if (field.ValidateArguments is not null
                && field.GetMetadata<string[]>(ValidatedArgumentsKey) is var validated
                && (validated is null || validated.Contains(name, StringComparer.Ordinal)))
            {
                return false;
            }

            return field.Arguments?.Find(name) is { ResolvedType: { } type } argument
                && !argument.HasAppliedDirectives()
                && type.GetNamedType() is not IInputObjectGraphType;
        }

        private IGraphType? TypeNamed(GraphQLTypeCondition condition) => schema.AllTypes[condition.Type.Name.StringValue];

        private static IGraphType Unwrapped(IGraphType type) => type is NonNullGraphType { ResolvedType: { } inner } ? inner : type;
    }

    private static bool ReadsVariable(GraphQLDirectives? directives) =>
        directives?.Items.Any(d => d.Arguments?.Items.Any(a => ReadsVariable(a.Value)) == true) == true;

    private static bool ReadsVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(ReadsVariable) == true,
        GraphQLObjectValue input => input.Fields?.Any(f => ReadsVariable(f.Value)) == true,
        _ => false,
    };
}
