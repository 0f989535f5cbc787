using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public static class TagMutations
{
    public static void AddTagMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateTagInput, CreateTagInputGraphType, TagPayloadGraphType, Tag>(
            "createTag",
            "Creates a tag. Without a slug, one is made from the name (-2, -3 on collision); a slug given that is taken is DUPLICATE.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<TagEditor>().CreateAsync(input, token));

        mutation.Mutation<UpdateTagInput, UpdateTagInputGraphType, TagPayloadGraphType, Tag>(
            "updateTag",
            "Changes a tag.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<TagEditor>().UpdateAsync(input, token));
    }
}
