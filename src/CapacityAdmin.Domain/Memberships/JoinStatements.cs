using System.Data.Common;
using System.Globalization;
using System.Text;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static CapacityAdmin.Domain.Data.AdoCommands;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>What a join names: the codes as given (for the messages) and normalised (the keys its plan is read with).</summary>
internal sealed record JoinQuery(string? Cell, string? Designation, Level Level, UnitSelection Units)
{
    public string? CellCode { get; } = Codes.Normalize(Cell);
    public string? DesignationCode { get; } = Codes.Normalize(Designation);
}

/// <summary>A join's plan as read in one round trip: settings, cell, designation, unit path and the caps that apply.</summary>
internal sealed record JoinPlan(SeatRules Rules, Cell Cell, Designation Designation, UnitPath Path, IReadOnlyList<ApplicableCap> Caps) : ISeatPlan
{
    public string ScopeKey => ScopeKeys.Designation(Cell.Code, Designation.Code, Path);
    public IReadOnlyList<string> DesignationScopes => [ScopeKey];
}

/// <summary>What the seat read under the locks found: the member's own seat, the numbers taken, each cap's use.</summary>
internal sealed record JoinSeats(Guid? ExistingId, ScopeUsage Usage);

/// <summary>
/// The statements of the membership join, as plain ADO.NET commands on the context's own connection and transaction
/// (the consumption path's <c>ConsumptionStatements</c> approach): no EF query pipeline, change tracking or
/// materialisation inside the SQLite writer gate, where every microsecond is serial, and few round trips on the servers.
/// <list type="bullet">
/// <item><see cref="ReadPlanAsync"/>: on PostgreSQL and SQL Server first the scope locks it is given, then one statement for
/// the settings row, the cell, the designation with its override at the level, the unit path and the cap rows that can
/// govern it; one round trip.</item>
/// <item><see cref="ReadSeatsAsync"/>: the lapsed-lock release of the scope, the member's own seat, the seat numbers taken,
/// and each cap's count; one round trip.</item>
/// <item>the insert (<see cref="ModelInsert"/>), with the level-cap outbox row(s) when the seat crosses a band.</item>
/// </list>
/// The rules are the EF path's: the same seat-holding predicate (<see cref="SeatHolding"/>), the same cap scopes
/// (<see cref="SeatCounting.InCapScope"/>), the same lapsed-lock release (<see cref="SeatAllocator.ReleaseLapsedLocksAsync"/>),
/// values stored as the model stores them (on SQLite: GUIDs as upper-case text, instants as ticks; enums as names).
/// </summary>
internal static class JoinStatements
{

    /// <summary>
    /// <see cref="SeatHolding.HoldsSeatExpression"/>, led by the seat indexes' own filter (which it implies) so that SQLite can
    /// use those partial indexes: it only does when the query repeats the index's WHERE term.
    /// </summary>
    private const string SeatHolderRows = Data.Configurations.MembershipConfiguration.SeatHolderFilter;

    private const string HoldsSeat = SeatHolderRows +
        " AND (\"Status\" IN ('ACTIVE', 'PENDING_APPROVAL') OR (\"Status\" = 'PENDING_PAYMENT' AND \"LockedAt\" IS NOT NULL AND \"LockedAt\" > @cutoff))";

    /// <summary>
    /// The plan in one statement: one row per cap row that can govern the path (blanket and NATIONAL rows, and rows naming
    /// one of the path's units: a superset, <see cref="CapPolicy"/> picks per level), each carrying the settings row, the
    /// cell, the designation with its override at the level, and the unit rows; one row without a cap when none applies.
    /// </summary>
    private const string PlanSql = """
        SELECT (SELECT c."IsActive" FROM "Cells" c WHERE c."Code" = @cell),
               d."Code", d."Name", d."DefaultCapacity", d."Fee", d."ValidityDays", d."Rank",
               (SELECT o."Capacity" FROM "DesignationLevelCapacities" o WHERE o."DesignationCode" = d."Code" AND o."Level" = @level),
               m."Code", m."DistrictCode", di."Code", di."StateCode", s."Code", s."Zone",
               st."Id", st."SeatLockTimeoutSeconds", st."HierarchicalCaps",
               lc."Id", lc."Level", lc."UnitCode", lc."Capacity"
        FROM (SELECT 1 AS "One") x
        LEFT JOIN "Designations" d ON d."Code" = @designation
        LEFT JOIN "Mandals" m ON m."Code" = @mandal
        LEFT JOIN "Districts" di ON di."Code" = COALESCE(m."DistrictCode", @district)
        LEFT JOIN "States" s ON s."Code" = COALESCE(di."StateCode", @state)
        LEFT JOIN "MembershipSettings" st ON st."Id" = 1
        LEFT JOIN "LevelCapacities" lc ON lc."CellCode" = @cell AND lc."Level" IN ('NATIONAL', 'ZONE', 'STATE', 'DISTRICT', 'MANDAL')
            AND lc."UnitCode" IN ('', @zone, m."Code", di."Code", s."Code", s."Zone");
        """;

    /// <summary>
    /// Takes <paramref name="lockKeys"/> (PostgreSQL, SQL Server; inside a transaction then) and reads the plan, in one
    /// round trip. Errors are the EF resolution's (<see cref="MembershipService"/>'s ResolveAsync), in its order.
    /// </summary>
    public static async Task<Result<JoinPlan>> ReadPlanAsync(CapacityDbContext db, JoinQuery query, IReadOnlyList<string> lockKeys,
        MembershipOptions defaults, DateTimeOffset now, CancellationToken ct)
    {
        var sql = new StringBuilder();
        var lockResults = AppendLocks(db, sql, lockKeys);
        sql.Append(PlanSql);
        await using var command = AdoCommands.Create(db, sql.ToString());
        return await ReadPlanAsync(command, query, lockKeys, lockResults, defaults, now, ct);
    }

    private static async Task<Result<JoinPlan>> ReadPlanAsync(DbCommand command, JoinQuery query, IReadOnlyList<string> lockKeys, int lockResults,
        MembershipOptions defaults, DateTimeOffset now, CancellationToken ct)
    {
        for (var i = 0; i < lockKeys.Count; i++) Add(command, $"lock{i}", lockKeys[i]);
        var units = query.Units;
        Add(command, "cell", query.CellCode);
        Add(command, "designation", query.DesignationCode);
        Add(command, "level", query.Level.ToString());
        Add(command, "mandal", query.Level == Level.MANDAL ? units.Mandal : null);
        Add(command, "district", query.Level >= Level.DISTRICT ? units.District : null);
        Add(command, "state", query.Level >= Level.STATE ? units.State : null);
        Add(command, "zone", query.Level == Level.ZONE && WireNames.TryParse<Zone>(units.Zone, out var zone) ? zone.ToString() : null);

        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; i < lockResults; i++) await reader.NextResultAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The join's scope read returned no row.");

        var rules = reader.IsDBNull(14)
            ? new SeatRules(now, defaults.SeatLockTimeout, defaults.HierarchicalCaps)
            : new SeatRules(now, TimeSpan.FromSeconds(Int(reader, 15)), Bool(reader, 16));
        if (reader.IsDBNull(0)) return DomainError.NotFound(MembershipErrorCodes.CellNotFound, $"No cell with code '{query.Cell}'.");
        var cell = new Cell(query.CellCode!, "", Bool(reader, 0));
        if (reader.IsDBNull(1)) return DomainError.NotFound(MembershipErrorCodes.DesignationNotFound, $"No designation with code '{query.Designation}'.");
        var designation = new Designation(reader.GetString(1), reader.GetString(2), Int(reader, 3), Decimal(reader, 4), Int(reader, 5), Int(reader, 6));
        if (!reader.IsDBNull(7)) designation.SetLevelCapacity(query.Level, Int(reader, 7));
        var rows = new GeographyLookup.UnitRows(
            reader.IsDBNull(8) ? null : (reader.GetString(8), reader.GetString(9)),
            reader.IsDBNull(10) ? null : (reader.GetString(10), reader.GetString(11)),
            reader.IsDBNull(12) ? null : (reader.GetString(12), Enum.Parse<Zone>(reader.GetString(13))));
        var path = GeographyLookup.Derive(query.Level, units, rows);
        if (!path.IsSuccess) return path.Error;

        List<CapPolicy.CapRow> capRows = [];
        do
        {
            if (!reader.IsDBNull(17)) capRows.Add(new CapPolicy.CapRow(reader.GetGuid(17), cell.Code, Enum.Parse<Level>(reader.GetString(18)), reader.GetString(19), Int(reader, 20)));
        } while (await reader.ReadAsync(ct));
        return new JoinPlan(rules, cell, designation, path.Value, CapPolicy.Applicable(capRows, cell.Code, path.Value, rules.HierarchicalCaps));
    }

    /// <summary>
    /// Under the locks: turns the scope's lapsed payment locks into EXPIRED, then reads the seat numbers its holders use (and
    /// whether <paramref name="memberRef"/> is one of them) and the seat holders each cap counts.
    /// </summary>
    public static async Task<JoinSeats> ReadSeatsAsync(CapacityDbContext db, JoinPlan plan, string memberRef, CancellationToken ct)
    {
        var rules = plan.Rules;
        var sql = new StringBuilder();
        // The lapsed locks of the scope (SeatHolding.LapsedLockExpression) as two statements, each an index range over
        // (Status, LockedAt): with the OR of the two in one WHERE, SQLite scans the whole table.
        const string release = "UPDATE \"Memberships\" SET \"Status\" = 'EXPIRED', \"ExpiredAt\" = @now WHERE \"Status\" = 'PENDING_PAYMENT' AND ";
        sql.Append(release).Append("\"LockedAt\" <= @cutoff AND \"ScopeKey\" = @key;\n");
        sql.Append(release).Append("\"LockedAt\" IS NULL AND \"ScopeKey\" = @key;\n");
        // After that release, in this transaction and under the scope's lock, every PENDING_PAYMENT row left in the scope
        // holds a live lock: the seat holders of the scope are exactly the rows of the seat indexes' filter, which both
        // reads below then take from the (covering) partial indexes alone.
        sql.Append("SELECT \"Id\" FROM \"Memberships\" WHERE \"ScopeKey\" = @key AND \"MemberRef\" = @member AND ").Append(SeatHolderRows).Append(";\n");
        sql.Append("SELECT \"SeatSequence\" FROM \"Memberships\" WHERE \"ScopeKey\" = @key AND ").Append(SeatHolderRows).Append(";\n");
        var parameters = new List<(string, object?)>
        {
            ("now", Instant(db, rules.Now)),
            ("cutoff", Instant(db, SeatHolding.LockCutoff(rules.Now, rules.LockTimeout))),
            ("key", plan.ScopeKey),
            ("member", memberRef),
        };
        if (plan.Caps.Count > 0) parameters.Add(("capcell", plan.Cell.Code));
        for (var i = 0; i < plan.Caps.Count; i++)
        {
            var cap = plan.Caps[i];
            sql.Append("SELECT COUNT(*) FROM \"Memberships\" WHERE \"CellCode\" = @capcell");
            if (!rules.HierarchicalCaps)
            {
                sql.Append($" AND \"Level\" = @caplevel{i}");
                parameters.Add(($"caplevel{i}", cap.Level.ToString()));
            }
            if (UnitColumn(cap.Level) is { } column)
            {
                sql.Append($" AND \"{column}\" = @capunit{i}");
                parameters.Add(($"capunit{i}", cap.UnitCode));
            }
            sql.Append(" AND ").Append(HoldsSeat).Append(";\n");
        }
        await using var command = AdoCommands.Create(db, sql.ToString());
        foreach (var (name, value) in parameters) Add(command, name, value);
        return await ReadSeatsAsync(command, plan, ct);
    }

    private static async Task<JoinSeats> ReadSeatsAsync(DbCommand command, JoinPlan plan, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        Guid? existing = await reader.ReadAsync(ct) ? reader.GetGuid(0) : null;
        await reader.NextResultAsync(ct);
        var taken = new List<int>();
        while (await reader.ReadAsync(ct)) taken.Add(reader.GetInt32(0));
        var caps = new List<CapUsage>(plan.Caps.Count);
        foreach (var cap in plan.Caps)
        {
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            caps.Add(new CapUsage(cap, Int(reader, 0)));
        }
        var usage = new ScopeUsage(SeatCount.Of(plan.Designation.CapacityAt(plan.Path.Level), taken.Count), caps, taken.ToHashSet());
        return new JoinSeats(existing, usage);
    }

    /// <summary>The column a cap at <paramref name="level"/> matches its unit on (<see cref="SeatCounting.InCapScope"/>); none for NATIONAL.</summary>
    private static string? UnitColumn(Level level) => level switch
    {
        Level.NATIONAL => null,
        Level.ZONE => "Zone",
        Level.STATE => "StateCode",
        Level.DISTRICT => "DistrictCode",
        Level.MANDAL => "MandalCode",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The lock statements of <see cref="SeatScopeLocker"/> for these keys (parameters @lock0...); returns how many result sets they yield.</summary>
    private static int AppendLocks(CapacityDbContext db, StringBuilder sql, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0) return 0;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Seat scope locks are taken inside a transaction.");
        for (var i = 0; i < keys.Count; i++)
        {
            if (db.Provider == DatabaseProvider.Postgres)
                sql.Append($"INSERT INTO \"SeatScopeLocks\" (\"ScopeKey\") VALUES (@lock{i}) ON CONFLICT (\"ScopeKey\") DO NOTHING;\n")
                    .Append($"SELECT \"ScopeKey\" FROM \"SeatScopeLocks\" WHERE \"ScopeKey\" = @lock{i} FOR UPDATE;\n");
            else if (db.Provider == DatabaseProvider.SqlServer)
                sql.Append($"EXEC sp_getapplock @Resource = @lock{i}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;\n");
            else if (db.Provider != DatabaseProvider.Sqlite)
                throw new NotSupportedException($"No seat scope locking for provider {db.Database.ProviderName}.");
        }
        return db.Provider == DatabaseProvider.Postgres ? keys.Count : 0;
    }

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static bool Bool(DbDataReader r, int i) => Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>SQLite keeps decimals as text (EF's convention); the servers as numbers.</summary>
    private static decimal Decimal(DbDataReader r, int i) => r.GetValue(i) switch
    {
        string text => decimal.Parse(text, CultureInfo.InvariantCulture),
        var value => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };
}
