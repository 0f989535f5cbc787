using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using NewsApi.Data.Entities;
using NewsApi.Features.Presentation;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Statistics;

public static class StatisticsQueries
{
    public static void AddStatisticsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<EditorialStatisticsGraphType>>("statistics")
            .Description($"Dashboard statistics over [from, to), at most {StatisticsWindow.MaxDays} days. Editors and admins only.")
            .Argument<NonNullGraphType<DateTimeGraphType>>("from", "Start of the range, inclusive.")
            .Argument<NonNullGraphType<DateTimeGraphType>>("to", "End of the range, exclusive.")
            .Argument<StringGraphType>("timeZone", "IANA time zone to count days and hours in; the newsroom's (Presentation:TimeZone) when left out.")
            .Resolve(context =>
            {
                context.RequireRole(ApiRole.Editor);
                var from = context.GetArgument<DateTime>("from");
                var to = context.GetArgument<DateTime>("to");
                if (StatisticsWindow.Problem(from, to) is { } problem)
                {
                    throw new ApiError(ErrorCodes.InvalidDateRange, problem);
                }

                var zoneId = context.GetArgument<string?>("timeZone");
                TimeZoneInfo? zone;
                if (zoneId is null)
                {
                    zone = context.RequestServices!.GetRequiredService<IOptions<PresentationOptions>>().Value.Zone;
                }
                else if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
                {
                    throw new ApiError(ErrorCodes.BadUserInput, $"'{zoneId}' is not a known time zone.");
                }

                return new EditorialStatistics(StatisticsWindow.Create(from, to, zone));
            });
    }
}
