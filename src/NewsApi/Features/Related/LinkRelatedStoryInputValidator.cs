using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Related;

public sealed class LinkRelatedStoryInputValidator : AbstractValidator<LinkRelatedStoryInput>
{
    public LinkRelatedStoryInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(l => l.FromId).IsArticleId();
        RuleFor(l => l.ToId).IsArticleId();
        RuleFor(l => l.ToId).NotEqual(l => l.FromId).WithUserError(UserErrorCodes.SelfLink);
        RuleFor(l => l.Kind).NotEqual(RelatedKind.Automatic).WithUserError(UserErrorCodes.InvalidValue);
        RuleFor(l => l.Position).GreaterThanOrEqualTo(0).When(l => l.Position is not null);
        RuleFor(l => l.ToId)
            .MustAsync(async (id, cancellationToken) =>
            {
                if (!GlobalId.TryDecode(id, out _, out var key))
                {
                    return true;
                }

                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return await db.Articles.AnyAsync(a => a.Id == key, cancellationToken);
            })
            .WithUserError(UserErrorCodes.NotFound);
        RuleFor(l => l.ToId)
            .MustAsync(async (input, id, cancellationToken) =>
            {
                if (!GlobalId.TryDecode(input.FromId, out _, out var from) || !GlobalId.TryDecode(id, out _, out var to))
                {
                    return true;
                }

                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return !await db.RelatedLinks.AnyAsync(r => r.FromArticleId == from && r.ToArticleId == to, cancellationToken);
            })
            .WithUserError(UserErrorCodes.Duplicate);
    }
}
