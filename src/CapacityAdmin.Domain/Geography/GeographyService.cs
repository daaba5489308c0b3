using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Geography;

/// <summary>States, districts and mandals: upsert (validating parents) and lists with derived ancestors.</summary>
public sealed class GeographyService(IDbContextFactory<CapacityDbContext> contexts)
{
    /// <summary>
    /// Upserts by code in one transaction. A parent must exist in the database or in the same request.
    /// Moving a unit that memberships already name to another parent is refused: their stored
    /// ancestors would go stale.
    /// </summary>
    public async Task<Result<GeographyUpsertResult>> UpsertAsync(Actor actor, GeographyUpsertRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "edit geography") is { } denied) return denied;
        var errors = new Dictionary<string, string[]>();
        NullEntries("states", request.States, errors);
        NullEntries("districts", request.Districts, errors);
        NullEntries("mandals", request.Mandals, errors);
        if (errors.Count > 0) return DomainError.Validation("The geography is not valid.", errors);
        var states = (request.States ?? []).Select((s, i) => (Field: $"states[{i}]", Code: Codes.Normalize(s.Code), Name: s.Name?.Trim(), Parent: s.Zone)).ToList();
        var districts = (request.Districts ?? []).Select((d, i) => (Field: $"districts[{i}]", Code: Codes.Normalize(d.Code), Name: d.Name?.Trim(), Parent: Codes.Normalize(d.StateCode))).ToList();
        var mandals = (request.Mandals ?? []).Select((m, i) => (Field: $"mandals[{i}]", Code: Codes.Normalize(m.Code), Name: m.Name?.Trim(), Parent: Codes.Normalize(m.DistrictCode))).ToList();
        foreach (var (field, code, name, _) in states.Concat(districts).Concat(mandals))
        {
            if (!Codes.IsValid(code)) errors[field + ".code"] = ["A code has 1 to 40 letters, digits, '.', '-' or '_'."];
            if (string.IsNullOrEmpty(name) || name.Length > Codes.NameMaxLength) errors[field + ".name"] = ["A name has 1 to 200 characters."];
        }
        foreach (var s in states)
            if (!WireNames.TryParse<Zone>(s.Parent, out _)) errors[s.Field + ".zone"] = [$"Unknown zone '{s.Parent}'."];
        Duplicates(states.Select(s => (s.Field, s.Code)), errors);
        Duplicates(districts.Select(s => (s.Field, s.Code)), errors);
        Duplicates(mandals.Select(s => (s.Field, s.Code)), errors);
        if (errors.Count > 0) return DomainError.Validation("The geography is not valid.", errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var stateCodes = states.Select(s => s.Code!).Concat(districts.Select(d => d.Parent ?? "")).Distinct().ToList();
        var knownStates = await db.States.Where(s => stateCodes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        var districtCodes = districts.Select(d => d.Code!).Concat(mandals.Select(m => m.Parent ?? "")).Distinct().ToList();
        var knownDistricts = await db.Districts.Where(d => districtCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        var mandalCodes = mandals.Select(m => m.Code!).ToList();
        var knownMandals = await db.Mandals.Where(m => mandalCodes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, ct);

        var stateSet = states.Select(s => s.Code!).Concat(knownStates.Keys).ToHashSet();
        foreach (var d in districts)
            if (d.Parent is null || !stateSet.Contains(d.Parent)) errors[d.Field + ".stateCode"] = [$"No state with code '{d.Parent}'."];
        var districtSet = districts.Select(d => d.Code!).Concat(knownDistricts.Keys).ToHashSet();
        foreach (var m in mandals)
            if (m.Parent is null || !districtSet.Contains(m.Parent)) errors[m.Field + ".districtCode"] = [$"No district with code '{m.Parent}'."];
        if (errors.Count > 0) return DomainError.Validation("The geography names parents that do not exist.", errors);

        int sc = 0, su = 0, sn = 0, dc = 0, du = 0, dn = 0, mc = 0, mu = 0, mn = 0;
        foreach (var s in states)
        {
            var zone = Enum.Parse<Zone>(s.Parent!, ignoreCase: true);
            if (!knownStates.TryGetValue(s.Code!, out var state)) { db.States.Add(new State(s.Code!, s.Name!, zone)); sc++; continue; }
            if (state.Zone != zone && await db.Memberships.AnyAsync(x => x.StateCode == state.Code, ct)) errors[s.Field + ".zone"] = ["Memberships name this state; its zone cannot change."];
            else if (state.Update(s.Name!, zone)) su++; else sn++;
        }
        foreach (var d in districts)
        {
            if (!knownDistricts.TryGetValue(d.Code!, out var district)) { db.Districts.Add(new District(d.Code!, d.Name!, d.Parent!)); dc++; continue; }
            if (district.StateCode != d.Parent && await db.Memberships.AnyAsync(x => x.DistrictCode == district.Code, ct)) errors[d.Field + ".stateCode"] = ["Memberships name this district; its state cannot change."];
            else if (district.Update(d.Name!, d.Parent!)) du++; else dn++;
        }
        foreach (var m in mandals)
        {
            if (!knownMandals.TryGetValue(m.Code!, out var mandal)) { db.Mandals.Add(new Mandal(m.Code!, m.Name!, m.Parent!)); mc++; continue; }
            if (mandal.DistrictCode != m.Parent && await db.Memberships.AnyAsync(x => x.MandalCode == mandal.Code, ct)) errors[m.Field + ".districtCode"] = ["Memberships name this mandal; its district cannot change."];
            else if (mandal.Update(m.Name!, m.Parent!)) mu++; else mn++;
        }
        if (errors.Count > 0) return DomainError.Validation("The geography would move units that memberships name.", errors);

        await db.SaveChangesAsync(ct);
        return new GeographyUpsertResult(new UpsertCounts(sc, su, sn), new UpsertCounts(dc, du, dn), new UpsertCounts(mc, mu, mn));
    }

    public async Task<Result<IReadOnlyList<StateView>>> ListStatesAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read geography") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.States.AsNoTracking().ToListAsync(ct);
        return Result<IReadOnlyList<StateView>>.Success(rows.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new StateView(s.Code, s.Name, s.Zone)).ToList());
    }

    public async Task<Result<IReadOnlyList<DistrictView>>> ListDistrictsAsync(Actor actor, string? stateCode = null, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read geography") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Districts.AsNoTracking();
        if (Codes.Normalize(stateCode) is { } state) query = query.Where(d => d.StateCode == state);
        var rows = await query.Select(d => new DistrictView(d.Code, d.Name, d.StateCode, d.State!.Zone)).ToListAsync(ct);
        return Result<IReadOnlyList<DistrictView>>.Success(rows.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public async Task<Result<IReadOnlyList<MandalView>>> ListMandalsAsync(Actor actor, string? districtCode = null, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read geography") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Mandals.AsNoTracking();
        if (Codes.Normalize(districtCode) is { } district) query = query.Where(m => m.DistrictCode == district);
        var rows = await query.Select(m => new MandalView(m.Code, m.Name, m.DistrictCode, m.District!.StateCode, m.District.State!.Zone)).ToListAsync(ct);
        return Result<IReadOnlyList<MandalView>>.Success(rows.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static void Duplicates(IEnumerable<(string Field, string? Code)> items, Dictionary<string, string[]> errors)
    {
        foreach (var group in items.Where(i => i.Code is not null).GroupBy(i => i.Code).Where(g => g.Count() > 1))
            foreach (var (field, _) in group.Skip(1)) errors[field + ".code"] = [$"Code '{group.Key}' appears more than once."];
    }

    private static void NullEntries<T>(string list, IReadOnlyList<T?>? items, Dictionary<string, string[]> errors) where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
            if (items![i] is null) errors[$"{list}[{i}]"] = ["An entry is an object, not null."];
    }
}
