using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Tickers;

/// <summary>Expiry against the stored start is checked by <see cref="TickerEditor"/>, which has the row.</summary>
public sealed class UpdateTickerItemInputValidator : AbstractValidator<UpdateTickerItemInput>
{
    public UpdateTickerItemInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(t => t.Id).IsIdOf(TickerItemGraphType.TypeName);
        RuleFor(t => t.ExpectedVersion).GreaterThan(0).When(t => t.ExpectedVersion is not null);
        RuleFor(t => t.Headline).NotEmpty().When(t => t.Headline is not null);
        RuleFor(t => t.Headline).MaximumLength(ContentLimits.HeadlineLength);
        RuleFor(t => t.Excerpt).MaximumLength(ContentLimits.ExcerptLength);
        RuleFor(t => t.Lang).MaximumLength(ContentLimits.LangLength);
        RuleFor(t => t.ArticleId).LinkedArticleExists(contexts);
        RuleFor(t => t.ExpiresAt)
            .Must((input, expires) => expires!.Value.ToUniversalTime() > input.StartsAt!.Value.ToUniversalTime())
            .When(t => t.ExpiresAt is not null && t.StartsAt is not null)
            .WithUserError(UserErrorCodes.InvalidTime, NewsLanguageManager.NotAfterStart);
    }
}
