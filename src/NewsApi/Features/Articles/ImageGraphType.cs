using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class ImageGraphType : ObjectGraphType<Image>
{
    public ImageGraphType()
    {
        Name = "Image";
        Description = "An image with its caption and credit.";
        Field(i => i.Url).Description("Image address.");
        Field(i => i.Caption, nullable: true).Description("Caption shown with the image.");
        Field(i => i.Credit, nullable: true).Description("Photographer or agency.");
        Field(i => i.Alt, nullable: true).Description("Text alternative for screen readers.");
    }
}
