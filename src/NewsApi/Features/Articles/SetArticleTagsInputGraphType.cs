using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class SetArticleTagsInputGraphType : InputObjectGraphType<SetArticleTagsInput>
{
    public SetArticleTagsInputGraphType()
    {
        Name = "SetArticleTagsInput";
        Description = "The article's tags, all of them, in order: tagging and untagging in one.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the article.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tagSlugs")
            .Description($"Tag slugs, main subject first; at most {ArticleContentValidator.MaxTags}, each once. Empty removes every tag.");
        Field<IntGraphType>("expectedVersion").Description("When given, a stale version gets CONFLICT and changes nothing.");
    }
}
