using GraphQL.Types;

namespace NewsApi.Features.Tags;

public sealed class CreateTagInputGraphType : InputObjectGraphType<CreateTagInput>
{
    public CreateTagInputGraphType()
    {
        Name = "CreateTagInput";
        Description = "A new tag.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name in Arabic.");
        Field<StringGraphType>("slug").Description("URL slug; made from the name when not given. Lower-case, Arabic allowed, words joined by hyphens.");
        Field<StringGraphType>("nameEn").Description("Name in English.");
        Field<StringGraphType>("description").Description("Short description.");
        Field<TagKindGraphType>("kind").Description("What the tag names; TOPIC when not given.");
    }
}
