namespace NewsApi.Features.GraphiQL;

/// <summary>The in-browser IDE at <c>/graphql</c>, from <c>GraphiQL</c>.</summary>
public sealed class GraphiQLOptions
{
    public const string SectionName = "GraphiQL";

    /// <summary>Serve the IDE; unset means on everywhere but in Production.</summary>
    public bool? Enabled { get; set; }
}
