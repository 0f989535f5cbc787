using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class SourceGraphType : ObjectGraphType<Source>
{
    public SourceGraphType()
    {
        Name = "Source";
        Description = "Where a story came from when it is not the newsroom's own reporting.";
        Field(s => s.Name).Description("Agency or outlet name.");
        Field(s => s.Url, nullable: true).Description("Link to the original, when there is one.");
    }
}
