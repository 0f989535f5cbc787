using GraphQL.Types;

namespace NewsApi.Features.Tags;

public sealed class UpdateTagInputGraphType : InputObjectGraphType<UpdateTagInput>
{
    public UpdateTagInputGraphType()
    {
        Name = "UpdateTagInput";
        Description = "Changes to a tag. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the tag.");
        Field<StringGraphType>("name").Description("Name in Arabic.");
        Field<StringGraphType>("slug").Description("New URL slug. Links with the old slug stop working.");
        Field<StringGraphType>("nameEn").Description("Name in English.");
        Field<StringGraphType>("description").Description("Short description.");
        Field<TagKindGraphType>("kind").Description("What the tag names.");
    }
}
