using GraphQL.Types;

namespace NewsApi.Features.Statistics;

public sealed class DayCountGraphType : ObjectGraphType<DayCount>
{
    public DayCountGraphType()
    {
        Name = "DayCount";
        Description = "A count for one calendar day in the statistics' time zone.";
        Field<NonNullGraphType<DateOnlyGraphType>>("day").Description("The local calendar day, e.g. 2026-03-01.").Resolve(context => context.Source.Day);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many on that day; zero days are listed too.").Resolve(context => context.Source.Count);
    }
}
