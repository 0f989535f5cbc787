using FluentValidation;
using NewsApi.Validation;

namespace NewsApi.Features.Tickers;

public sealed class ExpireTickerItemInputValidator : AbstractValidator<ExpireTickerItemInput>
{
    public ExpireTickerItemInputValidator()
    {
        RuleFor(t => t.Id).IsIdOf(TickerItemGraphType.TypeName);
        RuleFor(t => t.ExpectedVersion).GreaterThan(0).When(t => t.ExpectedVersion is not null);
    }
}
