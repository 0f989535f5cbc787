using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Tickers;

public sealed class CreateTickerItemInputValidator : AbstractValidator<CreateTickerItemInput>
{
    public CreateTickerItemInputValidator(IDbContextFactory<NewsDbContext> contexts, TimeProvider clock)
    {
        RuleFor(t => t.Headline).NotEmpty().MaximumLength(ContentLimits.HeadlineLength);
        RuleFor(t => t.Excerpt).MaximumLength(ContentLimits.ExcerptLength);
        RuleFor(t => t.Lang).MaximumLength(ContentLimits.LangLength);
        RuleFor(t => t.ArticleId).LinkedArticleExists(contexts);
        RuleFor(t => t.ExpiresAt)
            .Must((input, expires) => expires!.Value.ToUniversalTime() > (input.StartsAt?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime))
            .When(t => t.ExpiresAt is not null)
            .WithUserError(UserErrorCodes.InvalidTime, NewsLanguageManager.NotAfterStart);
    }
}
