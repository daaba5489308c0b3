using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Seeding;

/// <summary>
/// Loads the membership seed (geography, cells, designations, level capacities) idempotently, in one
/// transaction: everything is upserted by code, and a second run with the same data and options
/// changes nothing. The seed is the source of truth for what it names: it sets names, designation
/// values and level capacities back to the seeded values (each capacity change audited with reason
/// "seed"). It never deletes geography, cells or designations, never switches a cell on or off, and
/// only removes level-capacity rows of the cells it seeds:
/// simple mode removes their STATE, DISTRICT and MANDAL rows (product.md 4.5: "going back to simple
/// mode removes the finer rows"); <c>--prune</c> removes every row of theirs this run did not write
/// (in advanced mode: the units outside the current selection, blanket rows).
/// </summary>
public sealed class MembershipSeeder(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock)
{
    /// <summary>Reason and author of the audit entries the seed writes.</summary>
    public const string Reason = "seed";

    /// <summary>A unit that memberships name would move to another parent (their stored ancestors would go stale).</summary>
    public const string ConflictCode = "SEED_CONFLICT";

    public Task<Result<MembershipSeedResult>> SeedAsync(string seedDirectory, MembershipSeedOptions options, CancellationToken ct = default) =>
        SeedAsync(MembershipSeedData.Load(seedDirectory), options, ct);

    public async Task<Result<MembershipSeedResult>> SeedAsync(MembershipSeedData data, MembershipSeedOptions options, CancellationToken ct = default)
    {
        data.Validate();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await new SeedRun(db, data, options, clock.GetUtcNow()).ExecuteAsync(ct);
        if (!result.IsSuccess) return result.Error; // disposing the transaction rolls it back
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// The first-run demo seed: simple mode, only while no cell exists yet, so restarting never undoes
    /// what CS changed or what an advanced seed added. Returns null when it did nothing.
    /// </summary>
    public async Task<MembershipSeedResult?> SeedIfEmptyAsync(string seedDirectory, CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
            if (await db.Cells.AnyAsync(ct)) return null;
        var result = await SeedAsync(seedDirectory, MembershipSeedOptions.Simple, ct);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"{result.Error.Code}: {result.Error.Detail}");
    }

    private sealed class Counter
    {
        public int Created, Updated, Removed;

        public SeedCounts ToCounts() => new(Created, Updated, Removed);
    }

    private sealed class SeedRun(CapacityDbContext db, MembershipSeedData data, MembershipSeedOptions options, DateTimeOffset now)
    {
        private readonly Counter _states = new(), _districts = new(), _mandals = new(), _cells = new(), _designations = new(), _caps = new();
        private Dictionary<string, State> _allStates = [];
        private Dictionary<string, District> _allDistricts = [];
        private Dictionary<string, Mandal> _allMandals = [];

        public async Task<Result<MembershipSeedResult>> ExecuteAsync(CancellationToken ct)
        {
            if (await UpsertGeographyAsync(ct) is { } conflict) return conflict;
            var selection = SelectUnits();
            if (!selection.IsSuccess) return selection.Error;
            var cells = await UpsertCellsAsync(ct);
            await UpsertDesignationsAsync(ct);
            await SyncLevelCapacitiesAsync(cells, selection.Value, ct);
            var (states, districts, mandals) = selection.Value;
            return new MembershipSeedResult(options.Mode, _states.ToCounts(), _districts.ToCounts(), _mandals.ToCounts(),
                _cells.ToCounts(), _designations.ToCounts(), _caps.ToCounts(), states.Count, districts.Count, mandals.Count);
        }

        private async Task<DomainError?> UpsertGeographyAsync(CancellationToken ct)
        {
            _allStates = await db.States.ToDictionaryAsync(s => s.Code, ct);
            _allDistricts = await db.Districts.ToDictionaryAsync(d => d.Code, ct);
            _allMandals = await db.Mandals.ToDictionaryAsync(m => m.Code, ct);

            foreach (var s in data.States)
            {
                var code = Codes.Normalize(s.Code)!;
                var zone = Enum.Parse<Zone>(s.Zone.Trim(), ignoreCase: true);
                if (!_allStates.TryGetValue(code, out var state))
                {
                    db.States.Add(_allStates[code] = new State(code, s.Name.Trim(), zone));
                    _states.Created++;
                }
                else
                {
                    if (state.Zone != zone && await db.Memberships.AnyAsync(m => m.StateCode == code, ct))
                        return Moving("state", code, "zone");
                    if (state.Update(s.Name.Trim(), zone)) _states.Updated++;
                }

                foreach (var d in s.Districts ?? [])
                {
                    var districtCode = Codes.Normalize(d.Code)!;
                    if (!_allDistricts.TryGetValue(districtCode, out var district))
                    {
                        db.Districts.Add(_allDistricts[districtCode] = new District(districtCode, d.Name.Trim(), code));
                        _districts.Created++;
                    }
                    else
                    {
                        if (district.StateCode != code && await db.Memberships.AnyAsync(m => m.DistrictCode == districtCode, ct))
                            return Moving("district", districtCode, "state");
                        if (district.Update(d.Name.Trim(), code)) _districts.Updated++;
                    }

                    foreach (var m in d.Mandals ?? [])
                    {
                        var mandalCode = Codes.Normalize(m.Code)!;
                        if (!_allMandals.TryGetValue(mandalCode, out var mandal))
                        {
                            db.Mandals.Add(_allMandals[mandalCode] = new Mandal(mandalCode, m.Name.Trim(), districtCode));
                            _mandals.Created++;
                        }
                        else
                        {
                            if (mandal.DistrictCode != districtCode && await db.Memberships.AnyAsync(x => x.MandalCode == mandalCode, ct))
                                return Moving("mandal", mandalCode, "district");
                            if (mandal.Update(m.Name.Trim(), districtCode)) _mandals.Updated++;
                        }
                    }
                }
            }
            return null;
        }

        private static DomainError Moving(string what, string code, string parent) =>
            DomainError.Conflict(ConflictCode, $"Memberships name {what} '{code}'; the seed data would change its {parent}. Fix the seed data or move those memberships first.");

        /// <summary>
        /// Advanced mode's units, each level in name order (then code): FILTER_STATE_NAMES, then
        /// MAX_STATES; MAX_DISTRICTS per selected state; MAX_MANDALS per selected district. The state
        /// names are checked in either mode: a name that matches no state is an error, not "no filter".
        /// </summary>
        private Result<(List<State> States, List<District> Districts, List<Mandal> Mandals)> SelectUnits()
        {
            IEnumerable<State> states = _allStates.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Code, StringComparer.Ordinal);
            if (options.FilterStateNames?.Select(n => n.Trim()).Where(n => n.Length > 0).ToList() is { Count: > 0 } names)
            {
                var wanted = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
                var unknown = names.Where(n => !_allStates.Values.Any(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
                if (unknown.Count > 0)
                    return DomainError.Validation(MembershipSeedOptions.FilterStateNamesVariable,
                        $"{MembershipSeedOptions.FilterStateNamesVariable} names no known state: {string.Join(", ", unknown.Select(n => $"'{n}'"))} (state names, compared ignoring case).");
                states = states.Where(s => wanted.Contains(s.Name));
            }
            if (options.Mode == MembershipSeedMode.Simple) return (new List<State>(), new List<District>(), new List<Mandal>());

            var selectedStates = states.Take(options.MaxStates ?? int.MaxValue).ToList();
            var districtsOf = _allDistricts.Values.ToLookup(d => d.StateCode);
            var mandalsOf = _allMandals.Values.ToLookup(m => m.DistrictCode);
            var selectedDistricts = selectedStates
                .SelectMany(s => ByName(districtsOf[s.Code], d => d.Name, d => d.Code).Take(options.MaxDistricts ?? int.MaxValue)).ToList();
            var selectedMandals = selectedDistricts
                .SelectMany(d => ByName(mandalsOf[d.Code], m => m.Name, m => m.Code).Take(options.MaxMandals ?? int.MaxValue)).ToList();
            return (selectedStates, selectedDistricts, selectedMandals);
        }

        private static IEnumerable<T> ByName<T>(IEnumerable<T> units, Func<T, string> name, Func<T, string> code) =>
            units.OrderBy(name, StringComparer.OrdinalIgnoreCase).ThenBy(code, StringComparer.Ordinal);

        private async Task<List<string>> UpsertCellsAsync(CancellationToken ct)
        {
            var codes = data.Cells.Select(c => Codes.Normalize(c.Code)!).ToList();
            var existing = await db.Cells.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
            foreach (var seed in data.Cells)
            {
                var code = Codes.Normalize(seed.Code)!;
                var name = seed.Name.Trim();
                if (!existing.TryGetValue(code, out var cell))
                {
                    db.Cells.Add(new Cell(code, name, isActive: true));
                    _cells.Created++;
                }
                else if (cell.Name != name)
                {
                    cell.Rename(name);
                    _cells.Updated++;
                }
            }
            return codes;
        }

        private async Task UpsertDesignationsAsync(CancellationToken ct)
        {
            var codes = data.Designations.Select(d => Codes.Normalize(d.Code)!).ToList();
            var existing = await db.Designations.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
            foreach (var seed in data.Designations)
            {
                var code = Codes.Normalize(seed.Code)!;
                var name = seed.Name.Trim();
                if (!existing.TryGetValue(code, out var designation))
                {
                    db.Designations.Add(new Designation(code, name, seed.DefaultCapacity, seed.Fee, seed.ValidityDays, seed.Rank));
                    _designations.Created++;
                    continue;
                }

                var changed = false;
                void Set<T>(string field, T old, T value, Action<T> apply)
                {
                    if (EqualityComparer<T>.Default.Equals(old, value)) return;
                    Audit($"DESIGNATION:{code}", field, old?.ToString(), value?.ToString());
                    apply(value);
                    changed = true;
                }
                Set("defaultCapacity", designation.DefaultCapacity, seed.DefaultCapacity, designation.SetDefaultCapacity);
                Set("fee", designation.Fee, seed.Fee, designation.SetFee);
                Set("validityDays", designation.ValidityDays, seed.ValidityDays, designation.SetValidityDays);
                Set("name", designation.Name, name, designation.Rename);
                Set("rank", designation.Rank, seed.Rank, designation.SetRank);
                if (changed) _designations.Updated++;
            }
        }

        private async Task SyncLevelCapacitiesAsync(List<string> cells, (List<State> States, List<District> Districts, List<Mandal> Mandals) selection, CancellationToken ct)
        {
            var caps = data.LevelCapacities;
            var desired = new Dictionary<(string Cell, Level Level, string Unit), int>();
            foreach (var cell in cells)
            {
                desired[(cell, Level.NATIONAL, "")] = caps.National;
                foreach (var zone in Enum.GetValues<Zone>()) desired[(cell, Level.ZONE, zone.ToString())] = caps.Zone;
                foreach (var s in selection.States) desired[(cell, Level.STATE, s.Code)] = caps.State;
                foreach (var d in selection.Districts) desired[(cell, Level.DISTRICT, d.Code)] = caps.District;
                foreach (var m in selection.Mandals) desired[(cell, Level.MANDAL, m.Code)] = caps.Mandal;
            }

            var rows = await db.LevelCapacities.Where(c => cells.Contains(c.CellCode)).ToListAsync(ct);
            var existing = rows.ToDictionary(r => (r.CellCode, r.Level, r.UnitCode));
            foreach (var ((cell, level, unit), capacity) in desired)
            {
                if (!existing.TryGetValue((cell, level, unit), out var row))
                {
                    db.LevelCapacities.Add(new LevelCapacity(cell, level, unit, capacity));
                    Audit(ScopeKeys.LevelCapacitySubject(cell, level, unit), "capacity", null, capacity.ToString());
                    _caps.Created++;
                }
                else if (row.Capacity != capacity)
                {
                    Audit(ScopeKeys.LevelCapacitySubject(cell, level, unit), "capacity", row.Capacity.ToString(), capacity.ToString());
                    row.SetCapacity(capacity);
                    _caps.Updated++;
                }
            }

            foreach (var row in rows.Where(r => !desired.ContainsKey((r.CellCode, r.Level, r.UnitCode))))
            {
                var finer = row.Level is Level.STATE or Level.DISTRICT or Level.MANDAL;
                if (!options.Prune && !(finer && options.Mode == MembershipSeedMode.Simple)) continue;
                db.LevelCapacities.Remove(row);
                Audit(ScopeKeys.LevelCapacitySubject(row.CellCode, row.Level, row.UnitCode), "capacity", row.Capacity.ToString(), null);
                _caps.Removed++;
            }
        }

        private void Audit(string subject, string field, string? oldValue, string? newValue) =>
            db.MembershipCapacityChanges.Add(new MembershipCapacityChange(subject, field, oldValue, newValue, Reason, Reason, now));
    }
}
