using GraphQL.Types;

namespace NewsApi.Features.Statistics;

public sealed class PublishingCadenceGraphType : ObjectGraphType<PublishingCadence>
{
    public PublishingCadenceGraphType()
    {
        Name = "PublishingCadence";
        Description = "How steadily articles were published over the range.";
        Field<NonNullGraphType<IntGraphType>>("published").Description("Articles published in the range (and still published).").Resolve(context => context.Source.Published);
        Field<NonNullGraphType<FloatGraphType>>("perDay").Description("Published articles per day: the count over the range's length in days.").Resolve(context => context.Source.PerDay);
        Field<FloatGraphType>("averageMinutesBetween").Description("Mean minutes between consecutive publications; null with fewer than two.").Resolve(context => context.Source.AverageMinutesBetween);
        Field<DateTimeGraphType>("firstPublishedAt").Description("The first publication in the range, UTC.").Resolve(context => context.Source.First);
        Field<DateTimeGraphType>("lastPublishedAt").Description("The last publication in the range, UTC.").Resolve(context => context.Source.Last);
    }
}
