using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class ImageBlockGraphType : BlockGraphType
{
    public ImageBlockGraphType()
        : base(BlockKind.Image, "ImageBlock", "An image inside the body.")
    {
        Field<NonNullGraphType<StringGraphType>>("url").Description("Image address.").Resolve(context => context.Source.Url ?? string.Empty);
        Field<StringGraphType>("alt").Description("Text alternative for screen readers.").Resolve(context => context.Source.Text);
        Field<StringGraphType>("caption").Description("Caption shown under the image.").Resolve(context => context.Source.Caption);
        Field<StringGraphType>("credit").Description("Photographer or agency.").Resolve(context => context.Source.Credit);
    }
}
