using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using NewsApi.Features.Live;
using NewsApi.Graph;

namespace NewsApi.Features.Sync;

public static class SyncQueries
{
    public const int MaxPage = 500;

    public static void AddSyncQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ChangeConnectionGraphType>>("changes")
            .Description("Delta sync for offline apps: every article, ticker item and tag that changed since a sync token, in order, with tombstones for what readers may no longer see. Start without `since`.")
            .Argument<StringGraphType>("since", "The `syncToken` of the previous sync; leave out for a first, full sync.")
            .Argument<IntGraphType>("first", $"Changes per page, 1 to {MaxPage}.", argument => argument.DefaultValue = 100)
            .ValidateArguments(context =>
            {
                if (context.Arguments?.TryGetValue("first", out var first) == true && first.Value is int value && value is < 1 or > MaxPage)
                {
                    throw new ValidationError($"`first` on `changes` must be between 1 and {MaxPage}; it was {value}.") { Code = ErrorCodes.PageSizeOutOfRange };
                }
            })
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<SyncFeed>().PageAsync(
                LiveEvents.ParseSequence(context.GetArgument<string?>("since")),
                context.GetArgument("first", 100),
                context.CancellationToken));
    }
}
