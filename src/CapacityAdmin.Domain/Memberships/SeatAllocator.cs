using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>What a seat check decided: the seat to take, and the usage it was decided on.</summary>
public sealed record SeatAllocation(int SeatSequence, SeatCount Designation, IReadOnlyList<CapUsage> Caps);

public sealed record SeatCount(int Capacity, int Used, int Remaining)
{
    public static SeatCount Of(int capacity, int used) => new(capacity, used, Math.Max(0, capacity - used));
}

public sealed record CapUsage(ApplicableCap Cap, int Used)
{
    public SeatCount Count => SeatCount.Of(Cap.Capacity, Used);
}

/// <summary>
/// The check and the choice of a seat number. Must run inside the transaction that holds the
/// locks of the designation scope and of every applicable cap (<see cref="SeatScopeTransaction"/>);
/// the count it reads is then the count the insert or update commits against.
/// </summary>
public static class SeatAllocator
{
    /// <summary>
    /// Turns lapsed PENDING_PAYMENT locks of a scope into EXPIRED so their numbers can be reused
    /// without tripping the unique index (an index cannot see the clock).
    /// </summary>
    public static Task<int> ReleaseLapsedLocksAsync(CapacityDbContext db, string scopeKey, SeatRules rules, CancellationToken ct) =>
        db.Memberships.InDesignationScope(scopeKey).Where(rules.LapsedLock)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MembershipStatus.EXPIRED)
                .SetProperty(m => m.ExpiredAt, (DateTimeOffset?)rules.Now), ct);

    /// <summary>
    /// Checks the designation scope first (NO_SEATS_DESIGNATION), then every applicable aggregate cap
    /// (NO_SEATS_LEVEL_AGGREGATE), not counting <paramref name="exclude"/> (the member's own seat), and
    /// picks <paramref name="preferredSeat"/> when it is free, else the lowest free number.
    /// </summary>
    public static async Task<Result<SeatAllocation>> AllocateAsync(CapacityDbContext db, string cellCode, Designation designation,
        UnitPath path, IReadOnlyList<ApplicableCap> caps, SeatRules rules, Guid? exclude, int? preferredSeat, CancellationToken ct)
    {
        var usage = await MeasureAsync(db, cellCode, designation, path, caps, rules, exclude, ct);
        return Decide(usage, cellCode, designation, path, preferredSeat);
    }

    /// <summary>
    /// The decision on measured usage: designation scope first (NO_SEATS_DESIGNATION), then every cap
    /// (NO_SEATS_LEVEL_AGGREGATE), then <paramref name="preferredSeat"/> when free, else the lowest free number.
    /// </summary>
    public static Result<SeatAllocation> Decide(ScopeUsage usage, string cellCode, Designation designation, UnitPath path, int? preferredSeat)
    {
        if (usage.Designation.Remaining <= 0)
            return DomainError.Conflict(MembershipErrorCodes.NoSeatsDesignation,
                $"All {usage.Designation.Capacity} {designation.Code} seats of this {path.Level} scope are taken.");
        foreach (var cap in usage.Caps)
        {
            if (cap.Count.Remaining <= 0)
                return DomainError.Conflict(MembershipErrorCodes.NoSeatsLevelAggregate,
                    $"The {cap.Cap.Level} cap of {cap.Cap.Capacity} seats for cell {cellCode}{UnitSuffix(cap.Cap)} is full.");
        }

        var capacity = usage.Designation.Capacity;
        var taken = usage.TakenNumbers;
        int? seat = preferredSeat is { } p && p >= 1 && p <= capacity && !taken.Contains(p) ? p : SeatNumbers.LowestFree(taken, capacity);
        if (seat is null)
            return DomainError.Conflict(MembershipErrorCodes.NoSeatsDesignation, $"No free {designation.Code} seat number is left in this scope.");
        return new SeatAllocation(seat.Value, usage.Designation, usage.Caps);
    }

    /// <summary>Usage of the designation scope and of the caps, as the seat holders stand now.</summary>
    public static async Task<ScopeUsage> MeasureAsync(CapacityDbContext db, string cellCode, Designation designation,
        UnitPath path, IReadOnlyList<ApplicableCap> caps, SeatRules rules, Guid? exclude, CancellationToken ct)
    {
        var scopeKey = ScopeKeys.Designation(cellCode, designation.Code, path);
        var taken = await db.Memberships.InDesignationScope(scopeKey).Where(rules.HoldsSeat).Except(exclude)
            .Select(m => m.SeatSequence).ToListAsync(ct);
        var capUsages = new List<CapUsage>(caps.Count);
        foreach (var cap in caps)
        {
            var used = await db.Memberships.InCapScope(cap.CellCode, cap.Level, cap.UnitCode, rules.HierarchicalCaps)
                .Where(rules.HoldsSeat).Except(exclude).CountAsync(ct);
            capUsages.Add(new CapUsage(cap, used));
        }
        return new ScopeUsage(SeatCount.Of(designation.CapacityAt(path.Level), taken.Count), capUsages, taken.ToHashSet());
    }

    private static string UnitSuffix(ApplicableCap cap) => cap.UnitCode.Length == 0 ? "" : $" in {cap.UnitCode}";
}

public sealed record ScopeUsage(SeatCount Designation, IReadOnlyList<CapUsage> Caps, IReadOnlySet<int> TakenNumbers);
