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
    /// this is what tells the editor which field to change. An article's old slug (a redirect) stays its own: a shared
    /// link must not land on a different story.
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
                return table switch
                {
                    SluggedTable.Articles => !await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != except, cancellationToken)
                        && !await db.ArticleSlugRedirects.AnyAsync(r => r.Slug == slug && r.ArticleId != except, cancellationToken),
                    SluggedTable.Tags => !await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != except, cancellationToken),
                    SluggedTable.Sections => !await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != except, cancellationToken),
                    _ => !await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != except, cancellationToken),
                };
            })
            .WithUserError(UserErrorCodes.Duplicate);
}
