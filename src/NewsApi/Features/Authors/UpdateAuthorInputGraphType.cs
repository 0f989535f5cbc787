using GraphQL.Types;

namespace NewsApi.Features.Authors;

public sealed class UpdateAuthorInputGraphType : InputObjectGraphType<UpdateAuthorInput>
{
    public UpdateAuthorInputGraphType()
    {
        Name = "UpdateAuthorInput";
        Description = "Changes to a author. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the author.");
        Field<StringGraphType>("name").Description("Name in Arabic.");
        Field<StringGraphType>("slug").Description("New URL slug. Links with the old slug stop working.");
        Field<StringGraphType>("nameEn").Description("Name in English.");
        Field<StringGraphType>("description").Description("Short description.");
    }
}
