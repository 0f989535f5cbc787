using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;

namespace NewsApi.Features.Related;

public static class RelatedMutations
{
    public static void AddRelatedMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<LinkRelatedStoryInput, LinkRelatedStoryInputGraphType, ArticlePayloadGraphType, Article>(
            "linkRelatedStory",
            "Adds a curated related story to an article. Not to itself, not twice.",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<RelatedLinkEditor>().LinkAsync(input, caller, token));

        mutation.Mutation<UnlinkRelatedStoryInput, UnlinkRelatedStoryInputGraphType, ArticlePayloadGraphType, Article>(
            "unlinkRelatedStory",
            "Removes a curated related story from an article.",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<RelatedLinkEditor>().UnlinkAsync(input, caller, token));

        mutation.Mutation<ReorderRelatedStoriesInput, ReorderRelatedStoriesInputGraphType, ArticlePayloadGraphType, Article>(
            "reorderRelatedStories",
            "Puts an article's curated related stories in a new order; toIds must name every linked story once.",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<RelatedLinkEditor>().ReorderAsync(input, caller, token));
    }
}
