using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>
/// Counts one refused call against the pool whose limit refused it: one statement, an upsert of the
/// (pool, measure, UTC day) row. Called once on each refusal branch of the consumption services, after
/// their transaction rolled back, so the count is autocommitted on its own and never undone with the
/// refused write. Racing refusals serialise on the row: the database adds them up, none is lost.
/// </summary>
internal static class RefusalCounter
{
    public static Task CountCampaignAsync(CapacityDbContext db, TimeProvider clock, Guid campaignId, CapacityKind kind, CancellationToken ct) =>
        CountAsync(db, clock, PoolType.Campaign, campaignId, AlertPool.MeasureOf(kind), ct);

    public static Task CountBundleAsync(CapacityDbContext db, TimeProvider clock, Guid bundleId, CancellationToken ct) =>
        CountAsync(db, clock, PoolType.Bundle, bundleId, PoolMeasure.Volunteers, ct);

    private static Task<int> CountAsync(CapacityDbContext db, TimeProvider clock, PoolType poolType, Guid poolId, PoolMeasure measure,
        CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Enums are stored as their names (PoolRefusalDayConfiguration).
        var type = poolType.ToString();
        var m = measure.ToString();
        // Behind the SQLite writer gate, like the consumption transactions it follows.
        return db.Database.WriteAsync(() => db.Database.IsSqlServer()
            ? db.Database.ExecuteSqlAsync($"""
                MERGE "PoolRefusalDays" WITH (HOLDLOCK) AS t
                USING (SELECT {type} AS "PoolType", {poolId} AS "PoolId", {m} AS "Measure", {day} AS "Day") AS s
                ON t."PoolType" = s."PoolType" AND t."PoolId" = s."PoolId" AND t."Measure" = s."Measure" AND t."Day" = s."Day"
                WHEN MATCHED THEN UPDATE SET "Refused" = t."Refused" + 1
                WHEN NOT MATCHED THEN INSERT ("PoolType", "PoolId", "Measure", "Day", "Refused") VALUES (s."PoolType", s."PoolId", s."Measure", s."Day", 1);
                """, ct)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO "PoolRefusalDays" ("PoolType", "PoolId", "Measure", "Day", "Refused") VALUES ({type}, {poolId}, {m}, {day}, 1)
                ON CONFLICT ("PoolType", "PoolId", "Measure", "Day") DO UPDATE SET "Refused" = "PoolRefusalDays"."Refused" + 1
                """, ct), ct);
    }
}
