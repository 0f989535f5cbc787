using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Presentation;
using NewsApi.Graph;

namespace NewsApi.Features.Tickers;

public sealed class TickerItemGraphType : ObjectGraphType<TickerItem>
{
    public const string TypeName = "TickerItem";

    public TickerItemGraphType()
    {
        Name = TypeName;
        Description = "A breaking-news item of the \"اخر الاخبار\" ticker.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        this.AddDisplayText("headline", "The headline, exactly as written (or prepared for display with `bidi` / `maxLength`).", t => t.Headline);
        this.AddDisplayText("excerpt", "A one-line excerpt, as the editor cut it (often ending in \"...\").", t => t.Excerpt, nullable: true);
        Field<ArticleGraphType>("article")
            .Description("The full story, when there is one and it is published.")
            .Resolve(context => context.Source.ArticleId is { } id ? context.RequestServices!.GetRequiredService<ArticleByIdDataLoader>().LoadAsync(id) : null);
        Field<NonNullGraphType<TickerPriorityGraphType>>("priority").Description("How prominently to show it.").Resolve(context => context.Source.Priority);
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("When it goes on air, UTC.").Resolve(context => context.Source.StartsAt);
        this.AddDisplayDate("startsAtText", "When it went on air", t => t.StartsAt);
        Field<DateTimeGraphType>("expiresAt").Description("When it leaves the air, UTC; null until an editor expires it.").Resolve(context => context.Source.ExpiresAt);
        Field(t => t.Position).Description("Manual order among items of equal priority and start.");
        Field(t => t.Lang).Description("BCP 47 language of headline and excerpt.");
        Field<NonNullGraphType<TextDirectionGraphType>>("dir").Description("Direction of headline and excerpt.").Resolve(context => LanguageDirection.Of(context.Source.Lang));
        Field(t => t.Version).Description("Concurrency version: pass it back as expectedVersion when updating; it grows with every change.");
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("When it last changed, UTC.").Resolve(context => context.Source.UpdatedAt);
    }
}
