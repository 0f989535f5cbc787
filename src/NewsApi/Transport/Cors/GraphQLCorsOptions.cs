namespace NewsApi.Transport.Cors;

/// <summary>Who may call <c>/graphql</c> from a browser, from <c>Cors</c>.</summary>
public sealed class GraphQLCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins (scheme://host[:port]) of the newsroom's own tools: they may send keys (editor operations).</summary>
    public string[] EditorOrigins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight answer.</summary>
    public int MaxAgeSeconds { get; set; } = 600;
}
