using CapacityAdmin.Domain.Common;
using System.Text.Json;
using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Seeding;

/// <summary>
/// What <c>seed-data/geography.json</c> and <c>seed-data/memberships.json</c> hold: the geography
/// (states with their districts and mandals), the cells, the designations and the level capacities.
/// </summary>
public sealed record MembershipSeedData(
    IReadOnlyList<SeedState> States,
    IReadOnlyList<SeedCell> Cells,
    IReadOnlyList<SeedDesignation> Designations,
    SeedLevelCapacities LevelCapacities)
{
    public const string GeographyFile = "geography.json";
    public const string MembershipsFile = "memberships.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads both files; a missing or malformed file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static MembershipSeedData Load(string directory)
    {
        var geography = Read<GeographyFileModel>(directory, GeographyFile);
        var memberships = Read<MembershipsFileModel>(directory, MembershipsFile);
        var data = new MembershipSeedData(geography.States ?? [], memberships.Cells ?? [], memberships.Designations ?? [],
            memberships.LevelCapacities ?? throw new InvalidDataException($"{MembershipsFile}: levelCapacities is missing."));
        data.Validate();
        return data;
    }

    /// <summary>Codes, names, zones, numbers and uniqueness; throws <see cref="InvalidDataException"/> listing every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok) problems.Add(problem);
        }
        void Unit(string what, string? code, string? name)
        {
            Check(Codes.IsValid(Codes.Normalize(code)), $"{what} '{code}': a code has 1 to {Codes.MaxLength} letters, digits, '.', '-' or '_'.");
            Check(!string.IsNullOrWhiteSpace(name) && name.Trim().Length <= Codes.NameMaxLength, $"{what} '{code}': a name has 1 to {Codes.NameMaxLength} characters.");
        }
        void Unique(string what, IEnumerable<string?> codes)
        {
            foreach (var g in codes.Select(Codes.Normalize).GroupBy(c => c).Where(g => g.Key is not null && g.Count() > 1))
                problems.Add($"{what} code '{g.Key}' appears more than once.");
        }

        foreach (var s in States)
        {
            Unit("state", s.Code, s.Name);
            Check(WireNames.TryParse<Zone>(s.Zone, out _), $"state '{s.Code}': unknown zone '{s.Zone}'.");
            foreach (var d in s.Districts ?? [])
            {
                Unit("district", d.Code, d.Name);
                foreach (var m in d.Mandals ?? []) Unit("mandal", m.Code, m.Name);
            }
        }
        Unique("state", States.Select(s => s.Code));
        Unique("district", States.SelectMany(s => s.Districts ?? []).Select(d => d.Code));
        Unique("mandal", States.SelectMany(s => s.Districts ?? []).SelectMany(d => d.Mandals ?? []).Select(m => m.Code));
        Check(States.GroupBy(s => s.Name?.Trim(), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1),
            "state names must be unique (ignoring case): FILTER_STATE_NAMES selects by name.");

        foreach (var c in Cells) Unit("cell", c.Code, c.Name);
        Unique("cell", Cells.Select(c => c.Code));
        foreach (var d in Designations)
        {
            Unit("designation", d.Code, d.Name);
            Check(d.DefaultCapacity >= 0, $"designation '{d.Code}': defaultCapacity must be 0 or more.");
            Check(d.Fee >= 0 && decimal.Round(d.Fee, 2) == d.Fee, $"designation '{d.Code}': fee must be 0 or more, with at most 2 decimals.");
            Check(d.ValidityDays >= 1, $"designation '{d.Code}': validityDays must be 1 or more.");
        }
        Unique("designation", Designations.Select(d => d.Code));
        var caps = LevelCapacities;
        Check(new[] { caps.National, caps.Zone, caps.State, caps.District, caps.Mandal }.All(c => c >= 0), "levelCapacities must be 0 or more.");

        if (problems.Count > 0) throw new InvalidDataException("The membership seed data is not valid: " + string.Join(" ", problems));
    }

    private static T Read<T>(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) throw new InvalidDataException($"Seed file {path} is missing.");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"Seed file {path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Seed file {path} is not valid JSON: {ex.Message}", ex);
        }
    }

    private sealed record GeographyFileModel(List<SeedState>? States);

    private sealed record MembershipsFileModel(List<SeedCell>? Cells, List<SeedDesignation>? Designations, SeedLevelCapacities? LevelCapacities);
}

public sealed record SeedState(string Code, string Name, string Zone, IReadOnlyList<SeedDistrict>? Districts = null);

public sealed record SeedDistrict(string Code, string Name, IReadOnlyList<SeedMandal>? Mandals = null);

public sealed record SeedMandal(string Code, string Name);

/// <summary>A cell is created active; the seed never switches an existing cell on or off.</summary>
public sealed record SeedCell(string Code, string Name);

public sealed record SeedDesignation(string Code, string Name, int DefaultCapacity, decimal Fee, int ValidityDays, int Rank);

/// <summary>The aggregate cap per cell at each level (product.md 4.5: 72, 40, 120, 80, 50).</summary>
public sealed record SeedLevelCapacities(int National, int Zone, int State, int District, int Mandal);
