using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Companies;

public sealed record CompanySummary(Guid Id, string Name, int CampaignCount, DateTimeOffset CreatedAt);

/// <summary>Companies, always filtered to what the actor may see.</summary>
public sealed class CompanyService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<CompanySummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await Visible(db, actor)
            .Select(c => new { c.Id, c.Name, c.CreatedAt, Count = db.Campaigns.Count(x => x.CompanyId == c.Id) })
            .ToListAsync(ct);
        return rows.Select(r => new CompanySummary(r.Id, r.Name, r.Count, r.CreatedAt))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Result<CompanySummary>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var company = await Visible(db, actor).Where(c => c.Id == id)
            .Select(c => new CompanySummary(c.Id, c.Name, db.Campaigns.Count(x => x.CompanyId == c.Id), c.CreatedAt))
            .FirstOrDefaultAsync(ct);
        return company is null ? NotFound(id) : company;
    }

    public async Task<Result<CompanySummary>> CreateAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "create companies") is { } denied) return denied;
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return DomainError.Validation("name", "A company name is required.");
        if (trimmed.Length > Company.NameMaxLength) return DomainError.Validation("name", $"A company name has at most {Company.NameMaxLength} characters.");

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Companies.AnyAsync(c => c.Name == trimmed, ct))
            return DomainError.Conflict(ErrorCodes.Duplicate, $"A company named '{trimmed}' already exists.");
        var company = new Company(trimmed, clock.GetUtcNow());
        db.Companies.Add(company);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Two requests raced past the check; the unique index decided.
            return DomainError.Conflict(ErrorCodes.Duplicate, $"A company named '{trimmed}' already exists.");
        }
        return new CompanySummary(company.Id, company.Name, 0, company.CreatedAt);
    }

    public static DomainError NotFound(Guid id) => DomainError.NotFound(ErrorCodes.CompanyNotFound, $"Company {id} was not found.");

    private static IQueryable<Company> Visible(CapacityDbContext db, Actor actor) =>
        actor.CompanyId is { } companyId ? db.Companies.Where(c => c.Id == companyId) : db.Companies;
}
