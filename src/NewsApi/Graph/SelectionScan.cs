using GraphQL;
using GraphQLParser.AST;

namespace NewsApi.Graph;

/// <summary>
/// What a client asked for beneath the field being resolved, so that a resolver reads in its own statement what the
/// fields below would otherwise each fetch, and no more. Conservative: a name anywhere beneath counts (fragments
/// included, <c>@skip</c> and <c>@include</c> ignored), since reading too much costs a little and reading too
/// little only costs the loader's own batch.
/// </summary>
public static class SelectionScan
{
    /// <summary>True when a field named <paramref name="name"/> is selected anywhere beneath.</summary>
    public static bool AnyBeneath(IResolveFieldContext context, string name) => AnyBeneath(context, name, name);

    /// <summary>True when a field named <paramref name="first"/> or <paramref name="second"/> is selected anywhere beneath.</summary>
    public static bool AnyBeneath(IResolveFieldContext context, string first, string second)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Finds(context.FieldAst.SelectionSet, context.Document, [], first, second);
    }

    // Runs on every list request: fragments are looked up only when the selection spreads one.
    private static bool Finds(GraphQLSelectionSet? selections, GraphQLDocument document, HashSet<string> visited, string first, string second)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            var found = selection switch
            {
                GraphQLField field => field.Name.Value == first || field.Name.Value == second
                    || Finds(field.SelectionSet, document, visited, first, second),
                GraphQLInlineFragment inline => Finds(inline.SelectionSet, document, visited, first, second),
                GraphQLFragmentSpread spread => visited.Add(spread.FragmentName.Name.StringValue)
                    && Finds(FragmentNamed(document, spread.FragmentName.Name)?.SelectionSet, document, visited, first, second),
                _ => false,
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fragment of <paramref name="document"/> named <paramref name="name"/> (the first, if the name repeats).</summary>
    internal static GraphQLFragmentDefinition? FragmentNamed(GraphQLDocument document, GraphQLName name)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment && fragment.FragmentName.Name == name)
            {
                return fragment;
            }
        }

        return null;
    }
}
