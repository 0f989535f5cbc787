namespace NewsApi.Security;

/// <summary>
/// How much the API tells callers about itself, bound from <c>GraphQL:Exposure</c>. Unset values follow the
/// environment: open in Development and Testing, closed everywhere else (Production, Staging).
/// </summary>
public sealed class ErrorExposureOptions
{
    public const string SectionName = "GraphQL:Exposure";

    /// <summary>
    /// Whether anonymous callers may introspect (<c>__schema</c>, <c>__type</c>); <c>__typename</c> always works.
    /// Closed, the published schema.graphql is the documentation. Code NO_INTROSPECTION (GraphQL.NET's).
    /// </summary>
    public bool? AnonymousIntrospection { get; set; }

    /// <summary>
    /// Whether validation messages keep GraphQL.NET's "Did you mean ...?" suggestions, which spell out field and type
    /// names to whoever probes with typos.
    /// </summary>
    public bool? FieldSuggestions { get; set; }
}
