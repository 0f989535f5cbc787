namespace NewsApi.Graph;

/// <summary>One page of a Relay connection. The total is counted only when a client asks for it.</summary>
public sealed record ConnectionPage<TNode>(
    IReadOnlyList<ConnectionEdge<TNode>> Edges,
    bool HasNextPage,
    bool HasPreviousPage,
    Func<CancellationToken, Task<int>> CountAsync)
{
    public PageInfo PageInfo => new(HasNextPage, HasPreviousPage, Edges.Count > 0 ? Edges[0].Cursor : null, Edges.Count > 0 ? Edges[^1].Cursor : null);
}
