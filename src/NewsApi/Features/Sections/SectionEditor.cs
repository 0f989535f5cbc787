using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Sections;

/// <summary>Writes sections for createX/updateX; inputs arrive validated.</summary>
public sealed class SectionEditor(IDbContextFactory<NewsDbContext> contexts)
{
    public async Task<Payload<Section>> CreateAsync(CreateSectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new Section
        {
            Slug = input.Slug ?? await UniqueSlug.AllocateAsync(db.Sections.Select(x => x.Slug), ArticleSlug.FromText(input.NameEn ?? input.Name), "section", cancellationToken),
            Name = input.Name,
            NameEn = input.NameEn,
            Description = input.Description,
            Position = input.Position ?? await db.Sections.Select(s => (int?)s.Position).MaxAsync(cancellationToken) + 1 ?? 0,
        };
        db.Sections.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Payload<Section>.Ok(row);
    }

    public async Task<Payload<Section>> UpdateAsync(UpdateSectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = GlobalId.Expect(SectionGraphType.TypeName, input.Id);
        var row = await db.Sections.AsTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (row is null)
        {
            return Payload<Section>.Failed(UserError.NotFound(["input", "id"], "section", input.Id));
        }

        row.Name = input.Name ?? row.Name;
        row.Slug = input.Slug ?? row.Slug;
        row.NameEn = input.NameEn ?? row.NameEn;
        row.Description = input.Description ?? row.Description;
        if (input.Position is { } position)
        {
            row.Position = position;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Payload<Section>.Ok(row);
    }
}
