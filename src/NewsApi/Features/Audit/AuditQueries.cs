using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Audit;

public static class AuditQueries
{
    public static void AddAuditQueries(this ObjectGraphType query)
    {
        query.Field<AuditEntryConnectionGraphType>("auditLog")
            .Description("Every mutation attempt, newest first: who, what, on which object, and how it ended. Admins only.")
            .Argument<IntGraphType>("first", $"How many entries, 0 to {PageRequest.MaxPageSize}.", argument => argument.DefaultValue = PageRequest.DefaultPageSize)
            .Argument<StringGraphType>("after", "Cursor of the last entry already seen.")
            .ValidateArguments(context =>
            {
                if (context.Arguments?.TryGetValue("first", out var first) == true && first.Value is int value && value is < 0 or > PageRequest.MaxPageSize)
                {
                    throw new ValidationError($"`first` on `auditLog` must be between 0 and {PageRequest.MaxPageSize}; it was {value}.") { Code = ErrorCodes.PageSizeOutOfRange };
                }
            })
            .ResolveAsync(async context =>
            {
                context.RequireRole(ApiRole.Admin);
                return await context.RequestServices!.GetRequiredService<AuditLog>().PageAsync(
                    context.GetArgument("first", PageRequest.DefaultPageSize), context.GetArgument<string?>("after"), context.CancellationToken);
            });
    }
}
