using GraphQL.Types;

namespace NewsApi.Graph;

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its connection (Relay cursor connections specification).";
        Field(p => p.HasNextPage).Description("True when more items follow the last edge in the paging direction.");
        Field(p => p.HasPreviousPage).Description("True when the page starts after a cursor (forward) or more items precede it (backward).");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first edge; null on an empty page.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last edge; pass it as `after` for the next page.");
    }
}
