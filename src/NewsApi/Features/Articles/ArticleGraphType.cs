using GraphQL;
using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Features.Authors;
using NewsApi.Features.Presentation;
using NewsApi.Features.Related;
using NewsApi.Features.Sections;
using NewsApi.Features.Tags;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Articles;

public sealed class ArticleGraphType : ObjectGraphType<Article>
{
    public const string TypeName = "Article";

    public ArticleGraphType()
    {
        Name = TypeName;
        Description = "A news story.";
        Interface<NodeInterfaceGraphType>();

        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(a => a.Slug).Description("URL-safe name, unique; may be Arabic (\"تشكيل-تحالف-رباعي\").");
        this.AddDisplayText("headline", "The headline, exactly as the editor wrote it (or prepared for display with `bidi` / `maxLength`).", a => a.Headline);
        this.AddDisplayText("standfirst", "Summary shown under the headline and in lists; `maxLength` cuts it at a word boundary for cards.", a => a.Standfirst, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlockInterfaceGraphType>>>>("body")
            .Description("The body as ordered blocks. Loaded only when selected: leave it out of lists.")
            .Resolve(context => context.RequestServices!.GetRequiredService<ArticleBodyByIdDataLoader>().LoadAsync(context.Source.Id));
        Field(a => a.Lang).Description("BCP 47 language of the article's text (\"ar\" by default).");
        Field<NonNullGraphType<TextDirectionGraphType>>("dir").Description("Direction of the article's text, from its language.").Resolve(context => LanguageDirection.Of(context.Source.Lang));
        Field<NonNullGraphType<ArticleStatusGraphType>>("status").Description("Workflow state; always PUBLISHED for public readers.").Resolve(context => context.Source.Status);
        Field<DateTimeGraphType>("publishedAt").Description("When it was (or will be) published, UTC.").Resolve(context => context.Source.PublishedAt);
        this.AddDisplayDate("publishedAtText", "When it was published", a => a.PublishedAt);
        this.AddDisplayDate("updatedAtText", "When it last changed", a => a.UpdatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When it was created, UTC.").Resolve(context => context.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("When it last changed, UTC.").Resolve(context => context.Source.UpdatedAt);
        Field<SectionGraphType>("section")
            .Description("The section it belongs to.")
            .Resolve(context => context.Source.SectionId is { } id ? context.RequestServices!.GetRequiredService<SectionByIdDataLoader>().LoadAsync(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorGraphType>>>>("authors")
            .Description("The byline, in order.")
            .Resolve(context => context.RequestServices!.GetRequiredService<AuthorsByArticleIdDataLoader>().LoadAsync(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .Description("Tags, main subject first.")
            .Resolve(context => context.RequestServices!.GetRequiredService<TagsByArticleIdDataLoader>().LoadAsync(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedStoryGraphType>>>>("related")
            .Description($"Related stories: curated links first, then automatic suggestions (shared tags weighted by rarity, similar text, recency; articles with showInRelated false are never suggested). Never this article, a draft or a repeat. At most {RelatedStoriesByArticleIdDataLoader.MaxFirst}.")
            .Argument<IntGraphType>("first", "How many stories.", argument => argument.DefaultValue = RelatedStoriesByArticleIdDataLoader.DefaultFirst)
            .ValidateArguments(context =>
            {
                if (context.Arguments?.TryGetValue("first", out var first) == true && first.Value is int value && value is < 0 or > RelatedStoriesByArticleIdDataLoader.MaxFirst)
                {
                    throw new GraphQL.Validation.ValidationError($"`first` on `related` must be between 0 and {RelatedStoriesByArticleIdDataLoader.MaxFirst}; it was {value}.")
                    {
                        Code = ErrorCodes.PageSizeOutOfRange,
                    };
                }
            })
            .Resolve(context => context.RequestServices!.GetRequiredService<RelatedStoriesByArticleIdDataLoader>()
                .LoadAsync(new RelatedStoriesRequest(context.Source.Id, context.GetArgument("first", RelatedStoriesByArticleIdDataLoader.DefaultFirst))));
        Field<ImageGraphType>("heroImage")
            .Description("The lead image.")
            .Resolve(context => context.Source.HeroImageUrl is { } url
                ? new Image(url, context.Source.HeroImageCaption, context.Source.HeroImageCredit, context.Source.HeroImageAlt)
                : null);
        Field<SourceGraphType>("source")
            .Description("Agency or outlet the story comes from, when not the newsroom's own.")
            .Resolve(context => context.Source.SourceName is { } name ? new Source(name, context.Source.SourceUrl) : null);
        Field(a => a.CanonicalUrl, nullable: true).Description("The article's address on the newsroom's site.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShareLinkGraphType>>>>("shareLinks")
            .Description("Links to share the article on social networks; empty without a canonical URL.")
            .Resolve(context => ShareLinks.For(context.Source.CanonicalUrl, context.Source.Headline));
        Field(a => a.WordCount).Description("Words in the body (Arabic words counted as written, not by letters).");
        Field<NonNullGraphType<IntGraphType>>("readingTimeMinutes")
            .Description("Minutes to read the body at 200 words a minute, at least 1 for any text.")
            .Resolve(context => ArticleMetrics.ReadingTimeMinutes(context.Source.WordCount));
        Field(a => a.ShowInRelated).Description("False when editors keep the article out of automatic related stories.");
        Field(a => a.Version).Description("Concurrency version: pass it back when updating; it grows with every change.");
        Field<ListGraphType<NonNullGraphType<ArticleRevisionGraphType>>>("revisions")
            .Description("Every change to the article, newest first. Editors and admins only; anyone else gets FORBIDDEN.")
            .Resolve(context => context.GetCaller().SeesUnpublished
                ? context.RequestServices!.GetRequiredService<ArticleRevisionsByArticleIdDataLoader>().LoadAsync(context.Source.Id)
                : throw new ApiError(ErrorCodes.Forbidden, "Revisions are for editors and admins."));
    }
}
