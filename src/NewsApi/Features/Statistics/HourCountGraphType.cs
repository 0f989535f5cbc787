using GraphQL.Types;

namespace NewsApi.Features.Statistics;

public sealed class HourCountGraphType : ObjectGraphType<HourCount>
{
    public HourCountGraphType()
    {
        Name = "HourCount";
        Description = "A count for one hour of the day in the statistics' time zone, summed over every day of the range.";
        Field<NonNullGraphType<IntGraphType>>("hour").Description("The local hour, 0 to 23 (9 is 09:00 to 09:59).").Resolve(context => context.Source.Hour);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many in that hour.").Resolve(context => context.Source.Count);
    }
}
