namespace NewsApi.Graph;

/// <summary>
/// One edge of a Relay connection. A cursor can be encoded when first asked for: most clients of a feed select
/// `nodes` only, and encoding twenty cursors nobody reads was a measurable share of a feed request's allocations.
/// </summary>
public sealed class ConnectionEdge<TNode>
{
    private readonly Func<TNode, string>? encodeCursor;
    private string? cursor;

    public ConnectionEdge(string cursor, TNode node)
    {
        this.cursor = cursor;
        Node = node;
    }

    /// <summary>An edge whose cursor <paramref name="encodeCursor"/> makes from the node, if anyone asks.</summary>
    public ConnectionEdge(TNode node, Func<TNode, string> encodeCursor)
    {
        this.encodeCursor = encodeCursor;
        Node = node;
    }

    public TNode Node { get; }

    // Resolvers may ask from several threads at once; they compute the same string, so the race is harmless.
    public string Cursor => cursor ??= encodeCursor!(Node);
}
