using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Graph;

namespace NewsApi.Validation;

public static class UniqueSlugRules
{
    /// <summary>
    /// The slug is not taken by another row of <paramref name="table"/> (DUPLICATE). On updates, pass the input's
    /// global ID as <paramref name="ownId"/> so the row may keep its own slug. The unique index is the last word;
    /// this is what tells the editor which field to change.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> IsUnusedSlug<T>(
        this IRuleBuilder<T, string?> rule,
        IDbContextFactory<NewsDbContext> contexts,
        SluggedTable table,
        Func<T, string?>? ownId = null) =>
        rule.MustAsync(async (input, slug, cancellationToken) =>
            {
                if (slug is null)
                {
                    return true;
                }

                var except = ownId?.Invoke(input) is { } globalId && GlobalId.TryDecode(globalId, out _, out var id) ? id : 0;
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var taken = table switch
                {
                    SluggedTable.Articles => db.Articles.AnyAsync(a => a.Slug == slug && a.Id != except, cancellationToken),
                    SluggedTable.Tags => db.Tags.AnyAsync(t => t.Slug == slug && t.Id != except, cancellationToken),
                    SluggedTable.Sections => db.Sections.AnyAsync(s => s.Slug == slug && s.Id != except, cancellationToken),
                    _ => db.Authors.AnyAsync(a => a.Slug == slug && a.Id != except, cancellationToken),
                };
                return !await taken;
            })
            .WithUserError(UserErrorCodes.Duplicate);
}
