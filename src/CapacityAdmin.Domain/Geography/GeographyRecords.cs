namespace CapacityAdmin.Domain.Geography;

public sealed record StateInput(string? Code, string? Name, string? Zone);

public sealed record DistrictInput(string? Code, string? Name, string? StateCode);

public sealed record MandalInput(string? Code, string? Name, string? DistrictCode);

/// <summary>PUT /geography: states, districts and mandals, upserted by code in one transaction.</summary>
public sealed record GeographyUpsertRequest(IReadOnlyList<StateInput>? States, IReadOnlyList<DistrictInput>? Districts, IReadOnlyList<MandalInput>? Mandals);

public sealed record UpsertCounts(int Created, int Updated, int Unchanged);

public sealed record GeographyUpsertResult(UpsertCounts States, UpsertCounts Districts, UpsertCounts Mandals);

public sealed record StateView(string Code, string Name, Zone Zone);

public sealed record DistrictView(string Code, string Name, string StateCode, Zone Zone);

public sealed record MandalView(string Code, string Name, string DistrictCode, string StateCode, Zone Zone);
