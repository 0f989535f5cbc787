using GraphQL.Types;

namespace NewsApi.Graph;

public sealed class UserErrorGraphType : ObjectGraphType<UserError>
{
    public UserErrorGraphType()
    {
        Name = "UserError";
        Description = "Why a mutation did not do what was asked. Nothing is written when a payload has user errors.";
        Field(e => e.Code).Description("Stable code to branch on: REQUIRED, TOO_LONG, INVALID_SLUG, INVALID_VALUE, NOT_FOUND, DUPLICATE, SELF_LINK, TOO_MANY, INVALID_TIME, INVALID_STATE, CONFLICT.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("Path to the input field at fault, e.g. [\"input\", \"body\", \"2\", \"text\"]; null when no one field is.")
            .Resolve(context => context.Source.Field);
        Field(e => e.Message).Description("Explanation for people, in Arabic or English according to Accept-Language.");
    }
}
