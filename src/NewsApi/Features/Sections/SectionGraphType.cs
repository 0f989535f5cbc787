using GraphQL;
using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Sections;

public sealed class SectionGraphType : ObjectGraphType<Section>
{
    public const string TypeName = "Section";

    public SectionGraphType()
    {
        Name = TypeName;
        Description = "A section of the site (politics, economy...).";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(s => s.Slug).Description("URL-safe name, unique.");
        Field(s => s.Name).Description("Name in Arabic.");
        Field(s => s.NameEn, nullable: true).Description("Name in English, when set.");
        Field(s => s.Description, nullable: true).Description("What the section covers.");
        Field<NonNullGraphType<StringGraphType>>("lang").Description("Language of name and description.").Resolve(_ => "ar");
        Field<NonNullGraphType<TextDirectionGraphType>>("dir").Description("Direction of name and description.").Resolve(_ => TextDirection.Rtl);
        Field(s => s.Position).Description("Order in navigation.");
        Field<NonNullGraphType<ArticleConnectionGraphType>>("articles")
            .Description("Published articles of this section.")
            .PagingArguments()
            .Argument<ArticleOrderGraphType>("orderBy", "Order by publication time.", argument => argument.DefaultValue = ArticleOrder.Newest)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ArticleFeed>().PageAsync(
                new ArticleFilter { Section = context.Source.Slug },
                context.GetArgument("orderBy", ArticleOrder.Newest),
                PageRequest.From(context),
                Caller.Anonymous,
                context.CancellationToken));
    }
}
