using System.Security.Cryptography;
using System.Text;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Identity;

public sealed record ApiKeySummary(Guid Id, string Name, string Role, Guid? CompanyId, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>The secret is returned once, at creation; only its hash is kept.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Secret);

public sealed class ApiKeyService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, ApiKeyCache cache)
{

    public const string SecretPrefix = "cap_";

    public async Task<Result<CreatedApiKey>> CreateAsync(Actor actor, string? name, string? role, Guid? companyId, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "create API keys") is { } denied) return denied;
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return DomainError.Validation("name", "A key name is required.");
        var normalizedRole = Roles.Normalize(role);
        if (normalizedRole is null)
            return DomainError.Validation("role", $"Role must be one of {string.Join(", ", Roles.ApiKeyRoles)}.");
        if (normalizedRole == Roles.CompanyAdmin && companyId is null)
            return DomainError.Validation("companyId", "A CompanyAdmin key must be bound to a company.");
        if (normalizedRole is Roles.Administrator or Roles.CustomerSuccess or Roles.Sales && companyId is not null)
            return DomainError.Validation("companyId", $"A {normalizedRole} key sees every company and cannot be bound to one.");

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (companyId is { } id && !await db.Companies.AnyAsync(c => c.Id == id, ct))
            return DomainError.NotFound(ErrorCodes.CompanyNotFound, $"Company {id} was not found.");

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey(trimmed, normalizedRole, companyId, secret[..12], Hash(secret), clock.GetUtcNow(), actor.Name);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ToSummary(key), secret);
    }

    public async Task<Result<IReadOnlyList<ApiKeySummary>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "read API keys") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return Result<IReadOnlyList<ApiKeySummary>>.Success(keys.OrderBy(k => k.CreatedAt).Select(ToSummary).ToList());
    }

    public async Task<Result<ApiKeySummary>> RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "revoke API keys") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return DomainError.NotFound(ErrorCodes.ApiKeyNotFound, $"API key {id} was not found.");
        key.Revoke(clock.GetUtcNow(), actor.Name);
        await db.SaveChangesAsync(ct);
        cache.Forget(key.Id);
        return ToSummary(key);
    }

    /// <summary>
    /// The live key for a presented secret, or null when it is unknown or revoked. A key seen before comes from
    /// <see cref="ApiKeyCache"/> once the database confirms it is still unrevoked.
    /// </summary>
    public async Task<ApiKeySummary?> AuthenticateAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var hash = Hash(secret.Trim());
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (cache.TryGet(hash, out var known))
        {
            if (await IsLiveAsync(db, known.Id, ct)) return known;
            cache.Forget(hash);
            return null;
        }
        if (await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct) is not { } key) return null;
        var summary = ToSummary(key);
        cache.Remember(hash, summary);
        return summary;
    }

    /// <summary>
    /// The per-request probe of a cached key: one indexed read as a plain command on a connection opened and closed here,
    /// without EF's query pipeline or its connection set-up (which registers EF's SQLite functions on every open).
    /// </summary>
    private static async Task<bool> IsLiveAsync(CapacityDbContext db, Guid id, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            await using var command = AdoCommands.Create(db, "SELECT 1 FROM \"ApiKeys\" WHERE \"Id\" = @id AND \"RevokedAt\" IS NULL");
            AdoCommands.Add(command, "id", AdoCommands.Id(db, id));
            return await command.ExecuteScalarAsync(ct) is not null;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    // The secret carries 256 random bits, so a fast hash is enough: nothing to brute-force.
    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeySummary ToSummary(ApiKey k) => new(k.Id, k.Name, k.Role, k.CompanyId, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt);
}
