namespace NewsApi.Graph;

public sealed record ConnectionEdge<TNode>(string Cursor, TNode Node);
