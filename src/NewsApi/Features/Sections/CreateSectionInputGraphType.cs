using GraphQL.Types;

namespace NewsApi.Features.Sections;

public sealed class CreateSectionInputGraphType : InputObjectGraphType<CreateSectionInput>
{
    public CreateSectionInputGraphType()
    {
        Name = "CreateSectionInput";
        Description = "A new section.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name in Arabic.");
        Field<StringGraphType>("slug").Description("URL slug; made from the name when not given. Lower-case, Arabic allowed, words joined by hyphens.");
        Field<StringGraphType>("nameEn").Description("Name in English.");
        Field<StringGraphType>("description").Description("Short description.");
        Field<IntGraphType>("position").Description("Order in navigation; after the last section when not given.");
    }
}
