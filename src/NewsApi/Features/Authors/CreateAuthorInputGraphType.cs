using GraphQL.Types;

namespace NewsApi.Features.Authors;

public sealed class CreateAuthorInputGraphType : InputObjectGraphType<CreateAuthorInput>
{
    public CreateAuthorInputGraphType()
    {
        Name = "CreateAuthorInput";
        Description = "A new author.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name in Arabic.");
        Field<StringGraphType>("slug").Description("URL slug; made from the name when not given. Lower-case, Arabic allowed, words joined by hyphens.");
        Field<StringGraphType>("nameEn").Description("Name in English.");
        Field<StringGraphType>("description").Description("Short description.");
    }
}
