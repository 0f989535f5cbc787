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
        this.AddArticlesField("Published articles of this section.", section => new ArticleFilter { Section = section.Slug });
    }
}
