using GraphQL;

namespace NewsApi.Graph;

/// <summary>The paging arguments of a connection field, checked against the limits every connection shares.</summary>
public sealed record PageRequest(int Size, bool Backward, string? Cursor)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public static PageRequest From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        if (last is not null || (before is not null && first is null))
        {
            return new PageRequest(last ?? DefaultPageSize, Backward: true, before);
        }

        return new PageRequest(first ?? DefaultPageSize, Backward: false, after);
    }
}
