using System.Text.RegularExpressions;
using GraphQL;
using Microsoft.Extensions.Options;

namespace NewsApi.Security;

/// <summary>
/// Takes GraphQL.NET's "Did you mean ...?" out of validation messages where suggestions are off: a prober typing
/// near-misses would otherwise be handed the schema one field at a time even with introspection closed.
/// </summary>
public sealed partial class SuggestionFilter(IOptions<ErrorExposureOptions> exposure, IHostEnvironment environment)
{
    private readonly bool keep = exposure.Value.FieldSuggestions ?? AnonymousIntrospectionValidationRule.IsOpenEnvironment(environment);

    public ExecutionError Filter(ExecutionError error)
    {
        if (keep || !error.Message.Contains("Did you mean", StringComparison.Ordinal))
        {
            return error;
        }

        var stripped = new ExecutionError(Suggestion().Replace(error.Message, string.Empty)) { Code = error.Code, Path = error.Path };
        foreach (var location in error.Locations ?? [])
        {
            stripped.AddLocation(location);
        }

        return stripped;
    }

    [GeneratedRegex(@"\s*Did you mean .*$", RegexOptions.Singleline)]
    private static partial Regex Suggestion();
}
