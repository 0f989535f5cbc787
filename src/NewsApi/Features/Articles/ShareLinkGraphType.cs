using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class ShareLinkGraphType : ObjectGraphType<ShareLink>
{
    public ShareLinkGraphType()
    {
        Name = "ShareLink";
        Description = "A ready-made link to share the article (\"شارك على مواقع التواصل\").";
        Field(s => s.Network).Description("facebook, x, whatsapp, telegram or email.");
        Field(s => s.Url).Description("The share address, with the article's URL and headline encoded.");
    }
}
