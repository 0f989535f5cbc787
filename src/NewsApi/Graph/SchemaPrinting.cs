using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace NewsApi.Graph;

public static class SchemaPrinting
{
    /// <summary>The SDL of the schema with descriptions, as committed in schema.graphql (LF line ends, final newline).</summary>
    public static string PrintSchema(this ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true })
            .ReplaceLineEndings("\n")
            .TrimEnd('\n') + "\n";
}
