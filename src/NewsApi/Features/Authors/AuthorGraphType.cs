using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Authors;

public sealed class AuthorGraphType : ObjectGraphType<Author>
{
    public const string TypeName = "Author";

    public AuthorGraphType()
    {
        Name = TypeName;
        Description = "A writer or desk in a byline.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(a => a.Slug).Description("URL-safe name, unique.");
        Field(a => a.Name).Description("Name as shown in the byline.");
        Field(a => a.NameEn, nullable: true).Description("Name in Latin script, when set.");
        Field(a => a.Description, nullable: true).Description("Short biography.");
        Field<NonNullGraphType<StringGraphType>>("lang").Description("Language of name and description.").Resolve(_ => "ar");
        Field<NonNullGraphType<TextDirectionGraphType>>("dir").Description("Direction of name and description.").Resolve(_ => TextDirection.Rtl);
        this.AddArticlesField("Published articles by this author.", author => new ArticleFilter { Author = author.Slug });
    }
}
