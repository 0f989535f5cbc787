using FluentValidation;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

public sealed class ImageInputValidator : AbstractValidator<ImageInput>
{
    public ImageInputValidator()
    {
        RuleFor(i => i.Url).NotEmpty().MaximumLength(ContentLimits.UrlLength).IsAbsoluteUrl();
        RuleFor(i => i.Caption).MaximumLength(ContentLimits.CaptionLength);
        RuleFor(i => i.Credit).MaximumLength(ContentLimits.NameLength);
        RuleFor(i => i.Alt).MaximumLength(ContentLimits.CaptionLength);
    }
}
