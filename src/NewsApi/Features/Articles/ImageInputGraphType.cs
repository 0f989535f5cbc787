using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class ImageInputGraphType : InputObjectGraphType<ImageInput>
{
    public ImageInputGraphType()
    {
        Name = "ImageInput";
        Description = "An image: the hero image of an article.";
        Field(i => i.Url).Description("Absolute http(s) address of the image.");
        Field(i => i.Caption, nullable: true).Description("Caption shown under the image.");
        Field(i => i.Credit, nullable: true).Description("Photographer or agency.");
        Field(i => i.Alt, nullable: true).Description("Text for readers who cannot see the image.");
    }
}
