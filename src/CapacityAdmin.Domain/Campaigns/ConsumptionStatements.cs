using System.Data.Common;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static CapacityAdmin.Domain.Data.AdoCommands;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// The statements of the consumption hot path, one round trip each, as plain ADO.NET commands on the
/// context's own connection and transaction (no EF query pipeline, change tracking or entity
/// materialisation: they run inside the SQLite writer gate, where every microsecond is serial).
/// The counter increments are conditional UPDATEs (the limit check is in the WHERE clause, no row back
/// means refused) that return the narrow <see cref="CampaignSnapshot"/> / <see cref="BundleSnapshot"/>
/// as it stands after the write (<c>RETURNING</c>, <c>OUTPUT</c> on SQL Server), so the result and the
/// band crossing need no read-back. The inserts let the unique indexes decide duplicates without an
/// error (<c>ON CONFLICT ... DO NOTHING</c>; on SQL Server a key-range locked <c>NOT EXISTS</c>), so the
/// transaction stays usable on PostgreSQL, where a failed statement would abort it. Identifiers are the
/// model's, double-quoted as on every provider here; values are stored as the model stores them
/// (on SQLite: GUIDs as upper-case text, instants as ticks, dates as <c>yyyy-MM-dd</c>, enums as names).
/// </summary>
internal static class ConsumptionStatements
{
    private const string Accepting = "\"Status\" IN ('Recruiting', 'Active')";

    private static (string Counter, string HardLimit) Columns(CapacityKind kind) => kind switch
    {
        CapacityKind.Volunteers => ("VolunteersEnrolled", "VolunteerHardLimit"),
        CapacityKind.Learners => ("LearnersEnrolled", "LearnerHardLimit"),
        _ => ("CreditsConsumedCents", "CreditHardLimitCents"),
    };

    /// <summary>The snapshot columns of a campaign (<paramref name="p"/>: the table prefix), in the order <see cref="ReadCampaign"/> reads them.</summary>
    private static string CampaignColumns(CapacityKind kind, string p)
    {
        var (counter, hard) = Columns(kind);
        var limit = kind switch
        {
            CapacityKind.Volunteers => $"{p}\"VolunteerLimit\"",
            CapacityKind.Learners => $"COALESCE({p}\"LearnersCommitted\", 0)",
            _ => $"COALESCE({p}\"CreditAllocationCents\", 0)",
        };
        return $"{p}\"Id\", {p}\"CompanyId\", {p}\"Name\", {p}\"Status\", {p}\"OveragePercent\", {p}\"BundleId\", {p}\"{counter}\", {limit}, {p}\"{hard}\"";
    }

    private const string BundleColumnList = "\"Id\", \"CompanyId\", \"Name\", \"VolunteersUsed\", \"Capacity\"";

    /// <summary>
    /// Adds <paramref name="amount"/> to the campaign counter of <paramref name="kind"/> if the campaign accepts
    /// consumption and stays within that counter's hard limit (volunteers: and is still linked to
    /// <paramref name="bundleId"/>). Returns the campaign after the write, or null when refused.
    /// </summary>
    public static Task<CampaignSnapshot?> TryAddAsync(CapacityDbContext db, Guid campaignId, CapacityKind kind, Guid? bundleId, long amount,
        CancellationToken ct)
    {
        var (counter, hard) = Columns(kind);
        var bundleCondition = kind != CapacityKind.Volunteers ? "" : bundleId is null ? " AND \"BundleId\" IS NULL" : " AND \"BundleId\" = @b";
        return UpdateReturningAsync(db, kind, $"\"{counter}\" = \"{counter}\" + @n",
            $"\"Id\" = @c AND {Accepting} AND \"{counter}\" + @n <= \"{hard}\"{bundleCondition}", campaignId, amount,
            kind == CapacityKind.Volunteers ? bundleId : null, ct);
    }

    /// <summary>
    /// PostgreSQL only: <see cref="TryAddAsync"/> and <see cref="TryInsertEnrollmentAsync"/> as one statement (data-modifying
    /// CTEs), so the campaign row's lock is held across one round trip fewer. The insert runs only if the UPDATE returned
    /// the row. Campaign null: refused (nothing inserted); Inserted false: the id was already enrolled (roll back).
    /// </summary>
    public static async Task<(CampaignSnapshot? Campaign, bool Inserted)> TryAddAndEnrollAsync(CapacityDbContext db, Guid campaignId,
        CapacityKind kind, Guid? bundleId, string externalId, DateTimeOffset now, CancellationToken ct)
    {
        var (counter, hard) = Columns(kind);
        var table = kind == CapacityKind.Volunteers ? "VolunteerEnrollments" : "LearnerEnrollments";
        var bundleCondition = kind != CapacityKind.Volunteers ? "" : bundleId is null ? " AND \"BundleId\" IS NULL" : " AND \"BundleId\" = @b";
        var sql = $"WITH u AS (UPDATE \"Campaigns\" SET \"{counter}\" = \"{counter}\" + 1 WHERE \"Id\" = @c AND {Accepting} " +
                  $"AND \"{counter}\" + 1 <= \"{hard}\"{bundleCondition} RETURNING {CampaignColumns(kind, "")}), " +
                  $"i AS (INSERT INTO \"{table}\" (\"Id\", \"CampaignId\", \"ExternalId\", \"Status\", \"EnrolledAt\") " +
                  "SELECT @id, @c, @e, 'Enrolled', @at FROM u " +
                  "ON CONFLICT (\"CampaignId\", \"ExternalId\") WHERE \"Status\" = 'Enrolled' DO NOTHING RETURNING 1) " +
                  "SELECT u.*, (SELECT count(*) FROM i) FROM u";
        await using var command = AdoCommands.Create(db, sql);
        Add(command, "c", campaignId);
        if (kind == CapacityKind.Volunteers && bundleId is { } b) Add(command, "b", b);
        Add(command, "id", Guid.NewGuid());
        Add(command, "e", externalId);
        Add(command, "at", now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (null, false);
        return (ReadCampaign(reader, 0, kind), Long(reader, 9) == 1);
    }

    /// <summary>A credit refund, which never takes consumption below zero: the campaign after it, or null when it would.</summary>
    public static Task<CampaignSnapshot?> TryRefundCreditsAsync(CapacityDbContext db, Guid campaignId, long cents, CancellationToken ct) =>
        UpdateReturningAsync(db, CapacityKind.Credits, "\"CreditsConsumedCents\" = \"CreditsConsumedCents\" - @n",
            "\"Id\" = @c AND \"CreditsConsumedCents\" - @n >= 0", campaignId, cents, null, ct);

    private static async Task<CampaignSnapshot?> UpdateReturningAsync(CapacityDbContext db, CapacityKind kind, string set, string where,
        Guid campaignId, long amount, Guid? bundleId, CancellationToken ct)
    {
        var sql = db.Provider == DatabaseProvider.SqlServer
            ? $"UPDATE \"Campaigns\" SET {set} OUTPUT {CampaignColumns(kind, "INSERTED.")} WHERE {where}"
            : $"UPDATE \"Campaigns\" SET {set} WHERE {where} RETURNING {CampaignColumns(kind, "")}";
        await using var command = AdoCommands.Create(db, sql);
        Add(command, "c", Id(db, campaignId));
        Add(command, "n", amount);
        if (bundleId is { } b) Add(command, "b", Id(db, b));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadCampaign(reader, 0, kind) : null;
    }

    /// <summary>Adds volunteers to the bundle if it stays within its capacity; the bundle after the write, or null when full.</summary>
    public static async Task<BundleSnapshot?> TryAddBundleAsync(CapacityDbContext db, Guid bundleId, int count, CancellationToken ct)
    {
        const string set = "UPDATE \"Bundles\" SET \"VolunteersUsed\" = \"VolunteersUsed\" + @n";
        const string where = "WHERE \"Id\" = @b AND \"VolunteersUsed\" + @n <= \"Capacity\"";
        var sql = db.Provider == DatabaseProvider.SqlServer
            ? $"{set} OUTPUT INSERTED.\"Id\", INSERTED.\"CompanyId\", INSERTED.\"Name\", INSERTED.\"VolunteersUsed\", INSERTED.\"Capacity\" {where}"
            : $"{set} {where} RETURNING {BundleColumnList}";
        await using var command = AdoCommands.Create(db, sql);
        Add(command, "b", Id(db, bundleId));
        Add(command, "n", count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadBundle(reader, 0) : null;
    }

    /// <summary>What a refused consumption reads, in its transaction: the campaign, its bundle, and whether the request was already decided.</summary>
    public sealed record RefusalSnapshot(CampaignSnapshot Campaign, BundleSnapshot? Bundle, bool AlreadyDone);

    /// <summary>
    /// One read after a refused UPDATE, in the same transaction: the campaign, its bundle (volunteers) and whether
    /// <paramref name="probe"/> was already done (volunteers and learners: the id holds an active enrollment;
    /// credits: the idempotency key is used). Null when the campaign does not exist.
    /// </summary>
    public static async Task<RefusalSnapshot?> ReadForRefusalAsync(CapacityDbContext db, Guid campaignId, CapacityKind kind, string? probe,
        CancellationToken ct)
    {
        var done = probe is null ? "NULL"
            : kind switch
            {
                CapacityKind.Volunteers => "(SELECT 1 FROM \"VolunteerEnrollments\" e WHERE e.\"CampaignId\" = c.\"Id\" AND e.\"ExternalId\" = @p AND e.\"Status\" = 'Enrolled')",
                CapacityKind.Learners => "(SELECT 1 FROM \"LearnerEnrollments\" e WHERE e.\"CampaignId\" = c.\"Id\" AND e.\"ExternalId\" = @p AND e.\"Status\" = 'Enrolled')",
                _ => "(SELECT 1 FROM \"CreditLedgerEntries\" e WHERE e.\"CampaignId\" = c.\"Id\" AND e.\"IdempotencyKey\" = @p)",
            };
        var sql = kind == CapacityKind.Volunteers
            ? $"SELECT {CampaignColumns(kind, "c.")}, b.\"Id\", b.\"CompanyId\", b.\"Name\", b.\"VolunteersUsed\", b.\"Capacity\", {done} " +
              "FROM \"Campaigns\" c LEFT JOIN \"Bundles\" b ON b.\"Id\" = c.\"BundleId\" WHERE c.\"Id\" = @c"
            : $"SELECT {CampaignColumns(kind, "c.")}, NULL, NULL, NULL, NULL, NULL, {done} FROM \"Campaigns\" c WHERE c.\"Id\" = @c";
        await using var command = AdoCommands.Create(db, sql);
        Add(command, "c", Id(db, campaignId));
        if (probe is not null) Add(command, "p", probe);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var campaign = ReadCampaign(reader, 0, kind);
        var bundle = reader.IsDBNull(9) ? null : ReadBundle(reader, 9);
        return new RefusalSnapshot(campaign, bundle, !reader.IsDBNull(14));
    }

    /// <summary>Inserts an active enrollment unless the id already holds one: 1 inserted, 0 already enrolled.</summary>
    public static async Task<int> TryInsertEnrollmentAsync(CapacityDbContext db, CapacityKind kind, Guid campaignId, string externalId,
        DateTimeOffset now, CancellationToken ct)
    {
        var table = kind == CapacityKind.Volunteers ? "VolunteerEnrollments" : "LearnerEnrollments";
        const string columns = "(\"Id\", \"CampaignId\", \"ExternalId\", \"Status\", \"EnrolledAt\")";
        var sql = db.Provider == DatabaseProvider.SqlServer
            ? $"INSERT INTO \"{table}\" {columns} SELECT @id, @c, @e, 'Enrolled', @at WHERE NOT EXISTS (SELECT 1 FROM \"{table}\" " +
              "WITH (UPDLOCK, HOLDLOCK) WHERE \"CampaignId\" = @c AND \"ExternalId\" = @e AND \"Status\" = 'Enrolled')"
            : $"INSERT INTO \"{table}\" {columns} VALUES (@id, @c, @e, 'Enrolled', @at) " +
              "ON CONFLICT (\"CampaignId\", \"ExternalId\") WHERE \"Status\" = 'Enrolled' DO NOTHING";
        await using var command = AdoCommands.Create(db, sql);
        Add(command, "id", Id(db, Guid.NewGuid()));
        Add(command, "c", Id(db, campaignId));
        Add(command, "e", externalId);
        Add(command, "at", Instant(db, now));
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Inserts a ledger row; with an idempotency key, only if the key is new for the campaign:
    /// 1 inserted, 0 the key was used before (the caller rolls back and replays the first result).
    /// </summary>
    public static async Task<int> TryInsertLedgerEntryAsync(CapacityDbContext db, CreditLedgerEntry e, CancellationToken ct)
    {
        const string columns = "(\"Id\", \"CampaignId\", \"AmountCents\", \"Activity\", \"IdempotencyKey\", \"Reason\", \"ConsumedAfterCents\", \"CreatedBy\", \"CreatedAt\", \"RequestFingerprint\")";
        const string values = "@id, @c, @n, @activity, @key, @reason, @after, @by, @at, @fp";
        var sql = e.IdempotencyKey is null
            ? $"INSERT INTO \"CreditLedgerEntries\" {columns} VALUES ({values})"
            : db.Provider == DatabaseProvider.SqlServer
                ? $"INSERT INTO \"CreditLedgerEntries\" {columns} SELECT {values} WHERE NOT EXISTS " +
                  "(SELECT 1 FROM \"CreditLedgerEntries\" WITH (UPDLOCK, HOLDLOCK) WHERE \"CampaignId\" = @c AND \"IdempotencyKey\" = @key)"
                : $"INSERT INTO \"CreditLedgerEntries\" {columns} VALUES ({values}) " +
                  "ON CONFLICT (\"CampaignId\", \"IdempotencyKey\") WHERE \"IdempotencyKey\" IS NOT NULL DO NOTHING";
        await using var command = AdoCommands.Create(db, sql);
        Add(command, "id", Id(db, e.Id));
        Add(command, "c", Id(db, e.CampaignId));
        Add(command, "n", e.AmountCents);
        Add(command, "activity", e.Activity);
        Add(command, "key", e.IdempotencyKey);
        Add(command, "reason", e.Reason);
        Add(command, "after", e.ConsumedAfterCents);
        Add(command, "by", e.CreatedBy);
        Add(command, "at", Instant(db, e.CreatedAt));
        Add(command, "fp", e.RequestFingerprint);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Counts <paramref name="count"/> refused calls against the pool whose limit refused them: an upsert of the
    /// (pool, measure, UTC day) row, on the caller's connection and transaction.
    /// </summary>
    public static async Task<int> CountRefusalAsync(CapacityDbContext db, PoolType poolType, Guid poolId, PoolMeasure measure, DateOnly day,
        CancellationToken ct, int count = 1)
    {
        var sql = db.Provider == DatabaseProvider.SqlServer
            ? """
              MERGE "PoolRefusalDays" WITH (HOLDLOCK) AS t
              USING (SELECT @t AS "PoolType", @p AS "PoolId", @m AS "Measure", @d AS "Day") AS s
              ON t."PoolType" = s."PoolType" AND t."PoolId" = s."PoolId" AND t."Measure" = s."Measure" AND t."Day" = s."Day"
              WHEN MATCHED THEN UPDATE SET "Refused" = t."Refused" + @n
              WHEN NOT MATCHED THEN INSERT ("PoolType", "PoolId", "Measure", "Day", "Refused") VALUES (s."PoolType", s."PoolId", s."Measure", s."Day", @n);
              """
            : """
              INSERT INTO "PoolRefusalDays" ("PoolType", "PoolId", "Measure", "Day", "Refused") VALUES (@t, @p, @m, @d, @n)
              ON CONFLICT ("PoolType", "PoolId", "Measure", "Day") DO UPDATE SET "Refused" = "PoolRefusalDays"."Refused" + @n
              """;
        await using var command = AdoCommands.Create(db, sql);
        Add(command, "t", poolType.ToString());
        Add(command, "p", Id(db, poolId));
        Add(command, "m", measure.ToString());
        Add(command, "d", db.Provider == DatabaseProvider.Sqlite ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : db.Provider == DatabaseProvider.SqlServer ? day.ToDateTime(TimeOnly.MinValue) : day);
        Add(command, "n", count);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static CampaignSnapshot ReadCampaign(DbDataReader r, int i, CapacityKind kind) =>
        new(r.GetGuid(i), r.GetGuid(i + 1), r.GetString(i + 2), Enum.Parse<CampaignStatus>(r.GetString(i + 3)), r.GetDecimal(i + 4),
            r.IsDBNull(i + 5) ? null : r.GetGuid(i + 5),
            new CapacityMeasure(Long(r, i + 6), Long(r, i + 7), Long(r, i + 8), kind == CapacityKind.Credits ? Credits.CentsPerCredit : 1));

    private static BundleSnapshot ReadBundle(DbDataReader r, int i) =>
        new(r.GetGuid(i), r.GetGuid(i + 1), r.GetString(i + 2), (int)Long(r, i + 3), (int)Long(r, i + 4));

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
