using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Tags;

public sealed class TagGraphType : ObjectGraphType<Tag>
{
    public const string TypeName = "Tag";

    public TagGraphType()
    {
        Name = TypeName;
        Description = "A person, place, organisation or topic that stories are about.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(t => t.Slug).Description("URL-safe name, unique.");
        Field(t => t.Name).Description("Name in Arabic (\"العراق\").");
        Field(t => t.NameEn, nullable: true).Description("Name in English (\"Iraq\"), when set.");
        Field<NonNullGraphType<TagKindGraphType>>("kind").Description("What the tag names.").Resolve(context => context.Source.Kind);
        Field(t => t.Description, nullable: true).Description("Short description.");
        Field<NonNullGraphType<StringGraphType>>("lang").Description("Language of name and description.").Resolve(_ => "ar");
        Field<NonNullGraphType<TextDirectionGraphType>>("dir").Description("Direction of name and description.").Resolve(_ => TextDirection.Rtl);
        this.AddArticlesField("Published articles with this tag: the tag page.", tag => new ArticleFilter { Tags = [tag.Slug] });
    }
}
