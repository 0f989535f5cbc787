using FluentValidation;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

public sealed class BlockInputValidator : AbstractValidator<BlockInput>
{
    public const int MaxTextLength = 20_000;

    public BlockInputValidator()
    {
        RuleFor(b => b.Text)
            .NotEmpty().When(b => b.Kind is BlockKind.Paragraph or BlockKind.Quote or BlockKind.Heading)
            .WithUserError(UserErrorCodes.Required, NewsLanguageManager.BlockTextRequired);
        RuleFor(b => b.Text).MaximumLength(MaxTextLength);
        RuleFor(b => b.Url)
            .NotEmpty().When(b => b.Kind is BlockKind.Image or BlockKind.Embed)
            .WithUserError(UserErrorCodes.Required, NewsLanguageManager.BlockUrlRequired);
        RuleFor(b => b.Url).MaximumLength(ContentLimits.UrlLength).IsAbsoluteUrl();
        RuleFor(b => b.Level).InclusiveBetween(2, 4).When(b => b.Kind == BlockKind.Heading && b.Level is not null);
        RuleFor(b => b.Attribution).MaximumLength(ContentLimits.NameLength);
        RuleFor(b => b.Caption).MaximumLength(ContentLimits.CaptionLength);
        RuleFor(b => b.Credit).MaximumLength(ContentLimits.NameLength);
        RuleFor(b => b.Provider).MaximumLength(ContentLimits.NameLength);
    }
}
