using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Audit;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One mutation attempt, allowed or refused.";
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When, UTC.").Resolve(context => context.Source.At);
        Field(e => e.ActorName, nullable: true).Description("Name of the API key; null for anonymous callers.");
        Field(e => e.ActorRole, nullable: true).Description("Role of the key: partner, editor or admin.");
        Field(e => e.Operation).Description("The mutation, e.g. updateArticle.");
        Field(e => e.TargetId, nullable: true).Description("Global ID of the object concerned, when known.");
        Field(e => e.Outcome).Description("ok, user_errors, unauthenticated, forbidden or error.");
        Field(e => e.Detail, nullable: true).Description("The user-error codes, or the error code, comma-separated.");
    }
}
