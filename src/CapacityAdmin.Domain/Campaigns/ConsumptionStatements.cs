using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// The statements of the consumption hot path, one round trip each. The counter increments are the
/// same conditional UPDATEs as <see cref="CapacityCounters"/> (the limit check is in the WHERE clause,
/// no row back means refused) but they return the row as it stands after the write (<c>RETURNING</c>,
/// <c>OUTPUT</c> on SQL Server), so the result and the band crossing need no read-back. The inserts let
/// the unique indexes decide duplicates without an error (<c>ON CONFLICT ... DO NOTHING</c>; on SQL Server
/// a key-range locked <c>NOT EXISTS</c>), so the transaction stays usable on PostgreSQL, where a failed
/// statement would abort it. Identifiers are the model's, double-quoted as on every provider here.
/// </summary>
internal static class ConsumptionStatements
{
    private const string Accepting = "\"Status\" IN ('Recruiting', 'Active')";

    /// <summary>Inserts an active enrollment unless the id already holds one: 1 inserted, 0 already enrolled.</summary>
    public static Task<int> TryInsertEnrollmentAsync(CapacityDbContext db, CapacityKind kind, Guid campaignId, string externalId,
        DateTimeOffset now, CancellationToken ct)
    {
        var table = kind == CapacityKind.Volunteers ? "VolunteerEnrollments" : "LearnerEnrollments";
        const string columns = "(\"Id\", \"CampaignId\", \"ExternalId\", \"Status\", \"EnrolledAt\")";
        var sql = db.Database.IsSqlServer()
            ? $"INSERT INTO \"{table}\" {columns} SELECT {{0}}, {{1}}, {{2}}, 'Enrolled', {{3}} WHERE NOT EXISTS (SELECT 1 FROM \"{table}\" " +
              "WITH (UPDLOCK, HOLDLOCK) WHERE \"CampaignId\" = {1} AND \"ExternalId\" = {2} AND \"Status\" = 'Enrolled')"
            : $"INSERT INTO \"{table}\" {columns} VALUES ({{0}}, {{1}}, {{2}}, 'Enrolled', {{3}}) " +
              "ON CONFLICT (\"CampaignId\", \"ExternalId\") WHERE \"Status\" = 'Enrolled' DO NOTHING";
        return db.Database.ExecuteSqlRawAsync(sql, [Guid.NewGuid(), campaignId, externalId, Stored<VolunteerEnrollment>(db, "EnrolledAt", now)], ct);
    }

    /// <summary>
    /// Inserts a ledger row; with an idempotency key, only if the key is new for the campaign:
    /// 1 inserted, 0 the key was used before (the caller rolls back and replays the first result).
    /// </summary>
    public static Task<int> TryInsertLedgerEntryAsync(CapacityDbContext db, CreditLedgerEntry e, CancellationToken ct)
    {
        const string columns = "(\"Id\", \"CampaignId\", \"AmountCents\", \"Activity\", \"IdempotencyKey\", \"Reason\", \"ConsumedAfterCents\", \"CreatedBy\", \"CreatedAt\", \"RequestFingerprint\")";
        // A null goes in as a literal: an untyped null parameter has no type mapping.
        var parameters = new List<object> { e.Id, e.CampaignId, e.AmountCents };
        string Value(string? value)
        {
            if (value is null) return "NULL";
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }
        var (activity, key, reason) = (Value(e.Activity), Value(e.IdempotencyKey), Value(e.Reason));
        parameters.AddRange([e.ConsumedAfterCents, e.CreatedBy, Stored<CreditLedgerEntry>(db, "CreatedAt", e.CreatedAt)]);
        var n = parameters.Count;
        var fingerprint = Value(e.RequestFingerprint);
        var values = $"{{0}}, {{1}}, {{2}}, {activity}, {key}, {reason}, {{{n - 3}}}, {{{n - 2}}}, {{{n - 1}}}, {fingerprint}";
        var sql = e.IdempotencyKey is null
            ? $"INSERT INTO \"CreditLedgerEntries\" {columns} VALUES ({values})"
            : db.Database.IsSqlServer()
                ? $"INSERT INTO \"CreditLedgerEntries\" {columns} SELECT {values} WHERE NOT EXISTS " +
                  $"(SELECT 1 FROM \"CreditLedgerEntries\" WITH (UPDLOCK, HOLDLOCK) WHERE \"CampaignId\" = {{1}} AND \"IdempotencyKey\" = {key})"
                : $"INSERT INTO \"CreditLedgerEntries\" {columns} VALUES ({values}) " +
                  "ON CONFLICT (\"CampaignId\", \"IdempotencyKey\") WHERE \"IdempotencyKey\" IS NOT NULL DO NOTHING";
        return db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    /// <summary>
    /// Adds <paramref name="amount"/> to the campaign counter of <paramref name="kind"/> if the campaign accepts
    /// consumption and stays within that counter's hard limit (volunteers: and is still linked to
    /// <paramref name="bundleId"/>). Returns the campaign after the write, or null when refused.
    /// </summary>
    public static Task<Campaign?> TryAddAsync(CapacityDbContext db, Guid campaignId, CapacityKind kind, Guid? bundleId, long amount, CancellationToken ct)
    {
        var (counter, hardLimit) = kind switch
        {
            CapacityKind.Volunteers => ("VolunteersEnrolled", "VolunteerHardLimit"),
            CapacityKind.Learners => ("LearnersEnrolled", "LearnerHardLimit"),
            _ => ("CreditsConsumedCents", "CreditHardLimitCents"),
        };
        var bundleCondition = kind != CapacityKind.Volunteers ? "" : bundleId is null ? " AND \"BundleId\" IS NULL" : " AND \"BundleId\" = {2}";
        var where = $"WHERE \"Id\" = {{0}} AND {Accepting} AND \"{counter}\" + {{1}} <= \"{hardLimit}\"{bundleCondition}";
        var set = $"UPDATE \"Campaigns\" SET \"{counter}\" = \"{counter}\" + {{1}}";
        var sql = db.Database.IsSqlServer() ? $"{set} OUTPUT INSERTED.* {where}" : $"{set} {where} RETURNING *";
        object[] parameters = bundleId is { } b && kind == CapacityKind.Volunteers ? [campaignId, amount, b] : [campaignId, amount];
        return FirstOrDefaultAsync(db.Campaigns.FromSqlRaw(sql, parameters).AsNoTracking(), ct);
    }

    /// <summary>Adds volunteers to the bundle if it stays within its capacity; the bundle after the write, or null when full.</summary>
    public static Task<Bundle?> TryAddBundleAsync(CapacityDbContext db, Guid bundleId, int count, CancellationToken ct)
    {
        const string set = "UPDATE \"Bundles\" SET \"VolunteersUsed\" = \"VolunteersUsed\" + {1}";
        const string where = "WHERE \"Id\" = {0} AND \"VolunteersUsed\" + {1} <= \"Capacity\"";
        var sql = db.Database.IsSqlServer() ? $"{set} OUTPUT INSERTED.* {where}" : $"{set} {where} RETURNING *";
        return FirstOrDefaultAsync(db.Bundles.FromSqlRaw(sql, bundleId, count).AsNoTracking(), ct);
    }

    /// <summary>Runs a non-composable statement as written (no LIMIT wrapped around it) and takes its one row.</summary>
    private static async Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> statement, CancellationToken ct) where T : class
    {
        await foreach (var row in statement.AsAsyncEnumerable().WithCancellation(ct)) return row;
        return null;
    }

    /// <summary>A value as the model stores it (SQLite keeps DateTimeOffset as ticks), for raw statements.</summary>
    private static object Stored<TEntity>(CapacityDbContext db, string property, object value) =>
        db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping().Converter is { } converter
            ? converter.ConvertToProvider(value)!
            : value;
}
