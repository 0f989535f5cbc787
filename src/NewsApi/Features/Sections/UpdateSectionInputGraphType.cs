using GraphQL.Types;

namespace NewsApi.Features.Sections;

public sealed class UpdateSectionInputGraphType : InputObjectGraphType<UpdateSectionInput>
{
    public UpdateSectionInputGraphType()
    {
        Name = "UpdateSectionInput";
        Description = "Changes to a section. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the section.");
        Field<StringGraphType>("name").Description("Name in Arabic.");
        Field<StringGraphType>("slug").Description("New URL slug. Links with the old slug stop working.");
        Field<StringGraphType>("nameEn").Description("Name in English.");
        Field<StringGraphType>("description").Description("Short description.");
        Field<IntGraphType>("position").Description("Order in navigation.");
    }
}
