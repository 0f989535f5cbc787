using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

public sealed class TagsMatchGraphType : EnumerationGraphType<TagsMatch>
{
    public TagsMatchGraphType()
    {
        Name = "TagsMatch";
        Description = "How a list of tags in a filter combines.";
        this.Describe("ANY", "Articles with at least one of the tags.");
        this.Describe("ALL", "Articles with every one of the tags.");
    }
}
