using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Validation;
using NewsApi.Graph;

namespace NewsApi.Features.Statistics;

public sealed class EditorialStatisticsGraphType : ObjectGraphType<EditorialStatistics>
{
    public const int MaxFirst = 100;

    private const int DefaultFirst = 10;

    public EditorialStatisticsGraphType()
    {
        Name = "EditorialStatistics";
        Description = "Counts for the editors' dashboard over one date range, computed by the database. Each field costs one or two SQL commands, whatever the size of the store.";
        Field<NonNullGraphType<DateTimeGraphType>>("from").Description("Start of the range, inclusive, UTC.").Resolve(context => context.Source.Window.From);
        Field<NonNullGraphType<DateTimeGraphType>>("to").Description("End of the range, exclusive, UTC.").Resolve(context => context.Source.Window.To);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The IANA time zone days and hours are counted in.").Resolve(context => context.Source.Window.Zone.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusCountGraphType>>>>("byStatus")
            .Description("Articles created in the range, by their current workflow state; every state is listed.")
            .ResolveAsync(async context => await Statistics(context).ByStatusAsync(context.Source.Window, context.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionCountGraphType>>>>("bySection")
            .Description("Articles published in the range, per section, most first.")
            .ResolveAsync(async context => await Statistics(context).BySectionAsync(context.Source.Window, context.CancellationToken));
        WithFirst(Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagCountGraphType>>>>("byTag")
            .Description("The most-used tags: articles published in the range per tag, most first (ties by tag age)."))
            .ResolveAsync(async context => await Statistics(context).ByTagAsync(context.Source.Window, First(context), context.CancellationToken));
        WithFirst(Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorCountGraphType>>>>("byAuthor")
            .Description("Articles published in the range per author on the byline, most first."))
            .ResolveAsync(async context => await Statistics(context).ByAuthorAsync(context.Source.Window, First(context), context.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayCountGraphType>>>>("byDay")
            .Description("Articles published per local day; every day the range touches is listed, zero days included.")
            .ResolveAsync(async context => await Statistics(context).ByDayAsync(context.Source.Window, context.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HourCountGraphType>>>>("byHour")
            .Description("Articles published per local hour of the day over the whole range; all 24 hours are listed.")
            .ResolveAsync(async context => await Statistics(context).ByHourAsync(context.Source.Window, context.CancellationToken));
        Field<NonNullGraphType<PublishingCadenceGraphType>>("cadence")
            .Description("How steadily articles were published over the range.")
            .ResolveAsync(async context => await Statistics(context).CadenceAsync(context.Source.Window, context.CancellationToken));
        Field<NonNullGraphType<TickerActivityGraphType>>("tickerActivity")
            .Description("Ticker items that went on air in the range: per day and their average time on air.")
            .ResolveAsync(async context => await Statistics(context).TickerActivityAsync(context.Source.Window, context.CancellationToken));
        WithFirst(Field<NonNullGraphType<ArticleGapGraphType>>("articlesWithoutTags")
            .Description("Articles created in the range, not archived, that carry no tag."))
            .ResolveAsync(async context => await Statistics(context).WithoutTagsAsync(context.Source.Window, First(context), context.CancellationToken));
        WithFirst(Field<NonNullGraphType<ArticleGapGraphType>>("articlesWithoutRelated")
            .Description("Articles created in the range, not archived, that have no curated related story."))
            .ResolveAsync(async context => await Statistics(context).WithoutRelatedAsync(context.Source.Window, First(context), context.CancellationToken));
    }

    private static FieldBuilder<EditorialStatistics, TReturn> WithFirst<TReturn>(FieldBuilder<EditorialStatistics, TReturn> field) => field
        .Argument<IntGraphType>("first", $"How many to list, 0 to {MaxFirst}.", argument => argument.DefaultValue = DefaultFirst)
        .ValidateArguments(context =>
        {
            if (context.Arguments?.TryGetValue("first", out var first) == true && first.Value is int value && value is < 0 or > MaxFirst)
            {
                throw new ValidationError($"`first` on `{context.FieldDefinition.Name}` must be between 0 and {MaxFirst}; it was {value}.") { Code = ErrorCodes.PageSizeOutOfRange };
            }
        });

    private static int First(IResolveFieldContext context) => context.GetArgument("first", DefaultFirst);

    private static DashboardStatistics Statistics(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<DashboardStatistics>();
}
