using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Sections;

public static class SectionMutations
{
    public static void AddSectionMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateSectionInput, CreateSectionInputGraphType, SectionPayloadGraphType, Section>(
            "createSection",
            "Creates a section. Without a slug, one is made from the name (-2, -3 on collision); a slug given that is taken is DUPLICATE.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<SectionEditor>().CreateAsync(input, token));

        mutation.Mutation<UpdateSectionInput, UpdateSectionInputGraphType, SectionPayloadGraphType, Section>(
            "updateSection",
            "Changes a section.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<SectionEditor>().UpdateAsync(input, token));
    }
}
