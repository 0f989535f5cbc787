using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using NewsApi.Graph;

namespace NewsApi.Security;

/// <summary>
/// Refuses documents whose shape is abusive whatever their cost: too many aliases or root fields, directives piled
/// on one location, and fragment bombs (fragments spread into fragments until a short document expands to millions
/// of fields). Fragments are counted expanded, each once (memoised), so a bomb is measured without being walked.
/// </summary>
internal sealed class DocumentShapeValidationRule(IOptions<QueryLimitsOptions> limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var options = limits.Value;
        CheckDirectives(context, options);
        if (context.Operation is { } operation)
        {
            if (RootTypeOf(context, operation) is null)
            {
                // Reported here, before the complexity analyzers, which would throw on an operation with no root type.
                Report(context, ErrorCodes.OperationNotSupported,
                    $"This API has no {operation.Operation.ToString().ToLowerInvariant()} operations yet; only queries are served.");
                return default;
            }

            var tally = new ExpandedTally(context.Document);
            var whole = tally.Of(operation.SelectionSet);
            var root = tally.RootFieldsOf(operation.SelectionSet);
            if (root > options.MaxRootFields)
            {
                Report(context, ErrorCodes.TooManyRootFields, $"The operation selects {root} root fields; at most {options.MaxRootFields} are allowed.");
            }

            if (whole.Aliases > options.MaxAliases)
            {
                Report(context, ErrorCodes.TooManyAliases, $"The operation uses {whole.Aliases} aliases; at most {options.MaxAliases} are allowed.");
            }

            // Every field costs at least 1 unless a page of 0 discounts it, so this is a lower bound of the cost that
            // the complexity analyzer would otherwise compute by walking every expanded field.
            if (whole.Fields > options.MaxCost)
            {
                Report(context, ErrorCodes.CostLimitExceeded,
                    $"The operation expands to {(whole.Fields >= ExpandedTally.Saturation ? "more than " + ExpandedTally.Saturation : whole.Fields)} fields; its cost may be at most {options.MaxCost}.");
            }
        }

        return default;
    }

    private static GraphQL.Types.IObjectGraphType? RootTypeOf(ValidationContext context, GraphQLOperationDefinition operation) =>
        operation.Operation switch
        {
            OperationType.Query => context.Schema.Query,
            OperationType.Mutation => context.Schema.Mutation,
            OperationType.Subscription => context.Schema.Subscription,
            _ => null,
        };

    private static void CheckDirectives(ValidationContext context, QueryLimitsOptions options)
    {
        foreach (var definition in context.Document.Definitions)
        {
            var worst = definition switch
            {
                GraphQLOperationDefinition operation => Math.Max(Count(operation.Directives), MostDirectives(operation.SelectionSet)),
                GraphQLFragmentDefinition fragment => Math.Max(Count(fragment.Directives), MostDirectives(fragment.SelectionSet)),
                _ => 0,
            };
            if (worst > options.MaxDirectivesPerLocation)
            {
                Report(context, ErrorCodes.TooManyDirectives,
                    $"A location carries {worst} directives; at most {options.MaxDirectivesPerLocation} are allowed on one.");
                return;
            }
        }
    }

    private static int MostDirectives(GraphQLSelectionSet? set)
    {
        var most = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            most = Math.Max(most, selection switch
            {
                GraphQLField field => Math.Max(Count(field.Directives), MostDirectives(field.SelectionSet)),
                GraphQLInlineFragment inline => Math.Max(Count(inline.Directives), MostDirectives(inline.SelectionSet)),
                GraphQLFragmentSpread spread => Count(spread.Directives),
                _ => 0,
            });
        }

        return most;
    }

    private static int Count(GraphQLDirectives? directives) => directives?.Count ?? 0;

    private static void Report(ValidationContext context, string code, string message) =>
        context.ReportError(new ValidationError(message) { Code = code });

    /// <summary>Field and alias counts of selection sets with fragments expanded; cycles (reported by the core rules) count 0.</summary>
    private sealed class ExpandedTally(GraphQLDocument document)
    {
        /// <summary>Counts stop growing here: large enough to exceed every limit, small enough never to overflow when added.</summary>
        public const long Saturation = 1L << 40;

        private readonly Dictionary<string, (long Fields, long Aliases)?> fragments = new(StringComparer.Ordinal);

        // First definition wins for a duplicated name; the core rules report the duplicate.
        private readonly Dictionary<string, GraphQLFragmentDefinition> definitions = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .DistinctBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);

        public (long Fields, long Aliases) Of(GraphQLSelectionSet? set)
        {
            long fields = 0, aliases = 0;
            foreach (var selection in set?.Selections ?? [])
            {
                var (f, a) = selection switch
                {
                    GraphQLField field => Add((1, field.Alias is null ? 0 : 1), Of(field.SelectionSet)),
                    GraphQLInlineFragment inline => Of(inline.SelectionSet),
                    GraphQLFragmentSpread spread => OfFragment(spread.FragmentName.Name.StringValue),
                    _ => (0, 0),
                };
                (fields, aliases) = Add((fields, aliases), (f, a));
            }

            return (fields, aliases);
        }

        public long RootFieldsOf(GraphQLSelectionSet set, int nesting = 0)
        {
            long count = 0;
            foreach (var selection in set.Selections)
            {
                count += selection switch
                {
                    GraphQLField => 1,
                    GraphQLInlineFragment inline when nesting < 8 => RootFieldsOf(inline.SelectionSet, nesting + 1),
                    GraphQLFragmentSpread spread when nesting < 8 && definitions.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        => RootFieldsOf(fragment.SelectionSet, nesting + 1),
                    _ => 0,
                };
                count = Math.Min(count, Saturation);
            }

            return count;
        }

        private (long Fields, long Aliases) OfFragment(string name)
        {
            if (fragments.TryGetValue(name, out var known))
            {
                return known ?? (0, 0);
            }

            fragments[name] = null;
            var counts = definitions.TryGetValue(name, out var fragment) ? Of(fragment.SelectionSet) : (0, 0);
            fragments[name] = counts;
            return counts;
        }

        private static (long, long) Add((long Fields, long Aliases) left, (long Fields, long Aliases) right) =>
            (Math.Min(left.Fields + right.Fields, Saturation), Math.Min(left.Aliases + right.Aliases, Saturation));
    }
}
