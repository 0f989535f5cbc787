using FluentValidation;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

public sealed class PublishArticleInputValidator : AbstractValidator<PublishArticleInput>
{
    public PublishArticleInputValidator(TimeProvider clock)
    {
        RuleFor(p => p.Id).IsArticleId();
        RuleFor(p => p.At)
            .Must(at => at!.Value.ToUniversalTime() > clock.GetUtcNow().UtcDateTime)
            .When(p => p.At is not null)
            .WithUserError(UserErrorCodes.InvalidTime, NewsLanguageManager.NotInFuture);
        RuleFor(p => p.ExpectedVersion).GreaterThan(0).When(p => p.ExpectedVersion is not null);
    }
}
