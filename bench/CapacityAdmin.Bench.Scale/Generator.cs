using System.Diagnostics;
using System.Reflection;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Bench.Scale;

/// <summary>What the generator wrote.</summary>
internal sealed record GeneratedData(int Companies, int Campaigns, int Bundles, long VolunteerEnrollments, long LearnerEnrollments, long LedgerEntries,
    int Memberships, int SeatHolders, IReadOnlyList<Guid> CompanyIds, IReadOnlyList<Guid> CampaignIds, TimeSpan Took)
{
    public long Enrollments => VolunteerEnrollments + LearnerEnrollments;
}

/// <summary>
/// The at-scale data set (issue #11): <c>scale</c> campaigns over scale/100 companies, scale/10 bundles, about 10 x scale
/// enrollments and scale memberships over the seeded geography. Counters match the rows (a campaign's
/// <c>VolunteersEnrolled</c> is its enrolled rows, a bundle's <c>VolunteersUsed</c> the sum of its campaigns, credits
/// consumed the ledger's sum), no pool is past its hard limit and no seat scope or level cap past its capacity, and
/// utilization is spread so every band has pools. Deterministic (fixed seed).
/// </summary>
internal sealed class Generator(IServiceProvider services, DatabaseProvider provider, string connectionString, int scale, DateTimeOffset now)
{
    private readonly Random _random = new(20261206);

    public async Task<GeneratedData> RunAsync(string seedDirectory)
    {
        var clock = Stopwatch.StartNew();
        var contexts = services.GetRequiredService<IDbContextFactory<CapacityDbContext>>();
        await using var model = await contexts.CreateDbContextAsync();
        var writer = new BulkWriter(model, provider, connectionString);

        var companies = Enumerable.Range(0, Math.Max(1, scale / 100))
            .Select(i => new Company($"{Words[i % Words.Length]} {Suffixes[i / Words.Length % Suffixes.Length]} {i}", now.AddDays(-500 + i % 90))).ToList();
        await writer.InsertAsync(companies);

        // Bundles: scale/10, ten per company; 3 % canceled (no links). A campaign takes at most the share left.
        var bundles = new List<(Bundle Bundle, decimal ShareLeft)>();
        for (var i = 0; i < Math.Max(1, scale / 10); i++)
        {
            var status = _random.NextDouble() < 0.03 ? BundleSubscriptionStatus.Canceled
                : _random.NextDouble() < 0.1 ? BundleSubscriptionStatus.Trialing : BundleSubscriptionStatus.Active;
            bundles.Add((new Bundle(companies[i % companies.Count].Id, $"Bundle {i}", $"SKU-{i % 7}", 20 + _random.Next(181), status, now.AddDays(-400)), 1m));
        }

        await writer.InsertAsync(bundles.Select(b => b.Bundle));

        var campaignIds = new List<Guid>(scale);
        var campaigns = new List<Campaign>();
        var volunteerRows = new List<VolunteerEnrollment>();
        var learnerRows = new List<LearnerEnrollment>();
        var ledger = new List<CreditLedgerEntry>();
        long volunteers = 0, learners = 0, entries = 0;
        for (var i = 0; i < scale; i++)
        {
            var company = companies[i % companies.Count];
            var model2 = PickModel();
            var status = PickStatus();
            (Bundle Bundle, decimal Share)? link = null;
            if (model2 == PricingModel.Bundle)
            {
                // The company's bundles are i, i + companies, ...; take the first one with share left, else fall back to seats.
                for (var b = i % companies.Count; b < bundles.Count && link is null; b += companies.Count)
                {
                    var (bundle, left) = bundles[b];
                    if (!bundle.AcceptsLinks || left <= 0) continue;
                    var share = Math.Min(0.5m, left);
                    bundles[b] = (bundle, left - share);
                    link = (bundle, share);
                }
                if (link is null) model2 = PricingModel.Seats;
                else if (status == CampaignStatus.Closed) status = CampaignStatus.Completed; // closed campaigns stop counting in the bundle
            }
            var created = now.AddDays(-30 - _random.Next(400));
            var campaign = new Campaign(company.Id, $"{Words[_random.Next(Words.Length)]} {Themes[_random.Next(Themes.Length)]} {i}", model2, status,
                4 + _random.Next(27), 50 + _random.Next(500), created);
            switch (model2)
            {
                case PricingModel.Seats: campaign.SetModelLimits(4 + _random.Next(27), null, null); break;
                case PricingModel.Credits: campaign.SetModelLimits(null, 100m * (1 + _random.Next(50)), null); break;
                case PricingModel.Iaas: campaign.SetModelLimits(null, null, 4 + _random.Next(27)); break;
                case PricingModel.Bundle: campaign.LinkToBundle(link!.Value.Bundle, link.Value.Share); break;
            }
            var start = DateOnly.FromDateTime(created.UtcDateTime);
            campaign.SetDates(start, start.AddDays(60 + _random.Next(400)));
            campaigns.Add(campaign);

            var holdsUsage = status is not (CampaignStatus.Draft or CampaignStatus.Planned);
            // Governing pool, then (credits, iaas) the volunteer target.
            var governing = campaign.Governing;
            var used = holdsUsage ? PickUsed(governing.Limit, governing.HardLimit, allowOverage: model2 != PricingModel.Bundle) : 0;
            var volunteerUsed = model2 switch
            {
                PricingModel.Credits or PricingModel.Iaas => holdsUsage ? PickUsed(campaign.VolunteerLimit, campaign.VolunteerHardLimit, true) : 0,
                _ => (int)used,
            };
            for (var v = 0; v < volunteerUsed; v++)
                volunteerRows.Add(new VolunteerEnrollment(campaign.Id, $"v-{i}-{v}", created.AddHours(1 + _random.Next(24 * 60))));
            Set(campaign, nameof(Campaign.VolunteersEnrolled), (int)volunteerUsed);
            volunteers += volunteerUsed;
            if (model2 == PricingModel.Iaas)
            {
                for (var l = 0; l < used; l++)
                    learnerRows.Add(new LearnerEnrollment(campaign.Id, $"l-{i}-{l}", created.AddHours(1 + _random.Next(24 * 60))));
                Set(campaign, nameof(Campaign.LearnersEnrolled), (int)used);
                learners += used;
            }
            if (model2 == PricingModel.Credits && used > 0)
            {
                // A few consumptions adding up to the counter, each with the running total after it.
                var parts = 1 + _random.Next(4);
                long after = 0;
                for (var p = 0; p < parts; p++)
                {
                    var amount = p == parts - 1 ? used - after : used / parts;
                    if (amount <= 0) continue;
                    after += amount;
                    ledger.Add(new CreditLedgerEntry(campaign.Id, amount, "bench", $"k-{i}-{p}", null, after, "bench", created.AddDays(p + 1)));
                    entries++;
                }
                Set(campaign, nameof(Campaign.CreditsConsumedCents), used);
            }
            campaignIds.Add(campaign.Id);
            if (campaigns.Count == 10_000 || i == scale - 1)
            {
                // A chunk at a time: campaigns before the rows that reference them.
                await writer.InsertAsync(campaigns);
                await writer.InsertAsync(volunteerRows);
                await writer.InsertAsync(learnerRows);
                await writer.InsertAsync(ledger);
                campaigns.Clear();
                volunteerRows.Clear();
                learnerRows.Clear();
                ledger.Clear();
            }
        }
        // A bundle's usage is the sum of its campaigns' enrollments (bundle campaigns are never closed here).
        await model.Database.ExecuteSqlRawAsync(
            "UPDATE \"Bundles\" SET \"VolunteersUsed\" = (SELECT COALESCE(SUM(c.\"VolunteersEnrolled\"), 0) FROM \"Campaigns\" c WHERE c.\"BundleId\" = \"Bundles\".\"Id\")");
        Console.WriteLine($"  campaigns, bundles, enrollments written in {clock.Elapsed.TotalSeconds:0.0} s");

        var (memberships, holders) = await MembershipsAsync(contexts, writer, seedDirectory);
        return new GeneratedData(companies.Count, campaignIds.Count, bundles.Count, volunteers, learners, entries, memberships, holders,
            companies.Select(c => c.Id).ToList(), campaignIds, clock.Elapsed);
    }

    /// <summary>
    /// The full geography and its level caps through the product's seed (advanced mode), then seat holders unit by unit
    /// (each designation scope within its seats, each unit within its level cap, caps per level only: not hierarchical),
    /// up to 35 % of the count; the rest are expired and revoked history rows.
    /// </summary>
    private async Task<(int Total, int Holders)> MembershipsAsync(IDbContextFactory<CapacityDbContext> contexts, BulkWriter writer, string seedDirectory)
    {
        using (var scope = services.CreateScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<MembershipSeeder>().SeedAsync(seedDirectory, new MembershipSeedOptions(MembershipSeedMode.Advanced));
            if (!seeded.IsSuccess) throw new InvalidOperationException(seeded.Error.Detail);
        }
        await using var db = await contexts.CreateDbContextAsync();
        var designations = await db.Designations.AsNoTracking().Include(d => d.LevelCapacities).OrderBy(d => d.Rank).ToListAsync();
        var caps = (await db.LevelCapacities.AsNoTracking().ToListAsync()).ToDictionary(c => (c.CellCode, c.Level, c.UnitCode), c => c.Capacity);
        var cells = await db.Cells.AsNoTracking().Select(c => c.Code).ToListAsync();
        var states = await db.States.AsNoTracking().ToDictionaryAsync(s => s.Code);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code);
        var units = new List<UnitPath> { UnitPath.National };
        units.AddRange(Enum.GetValues<Zone>().Select(z => new UnitPath(Level.ZONE, z, null, null, null)));
        units.AddRange(states.Values.Select(s => new UnitPath(Level.STATE, s.Zone, s.Code, null, null)));
        units.AddRange(districts.Values.Select(d => new UnitPath(Level.DISTRICT, states[d.StateCode].Zone, d.StateCode, d.Code, null)));
        units.AddRange((await db.Mandals.AsNoTracking().ToListAsync()).Select(m =>
        {
            var d = districts[m.DistrictCode];
            return new UnitPath(Level.MANDAL, states[d.StateCode].Zone, d.StateCode, d.Code, m.Code);
        }));

        var total = Math.Max(100, scale);
        var holderBudget = total * 35 / 100;
        var rows = new List<Membership>(total);
        var slots = cells.SelectMany(c => units.Select(u => (Cell: c, Unit: u))).OrderBy(_ => _random.Next()).ToList();
        foreach (var (cell, unit) in slots)
        {
            if (rows.Count >= holderBudget) break;
            var cap = caps.TryGetValue((cell, unit.Level, unit.UnitCode), out var c) ? c : int.MaxValue;
            var seatsHere = designations.Sum(d => d.CapacityAt(unit.Level));
            var target = (int)Math.Min(Math.Min(cap, seatsHere), Math.Floor(Math.Min(cap, seatsHere) * PickFraction(allowOverage: false)));
            var taken = 0;
            foreach (var designation in designations)
            {
                var seats = Math.Min(designation.CapacityAt(unit.Level), target - taken);
                for (var s = 1; s <= seats && rows.Count < holderBudget; s++, taken++)
                {
                    var joined = now.AddDays(-_random.Next(200));
                    rows.Add(Membership.Join($"m-{rows.Count}", cell, designation, unit, s, activate: _random.NextDouble() < 0.9, joined));
                }
            }
        }
        var holders = rows.Count;
        while (rows.Count < total)
        {
            var (cell, unit) = slots[_random.Next(slots.Count)];
            var m = Membership.Join($"m-{rows.Count}", cell, designations[_random.Next(designations.Count)], unit, 1, activate: true, now.AddDays(-300 - _random.Next(300)));
            if (_random.NextDouble() < 0.5) m.Revoke(now.AddDays(-_random.Next(200))); else m.Expire(now.AddDays(-_random.Next(200)));
            rows.Add(m);
        }
        await writer.InsertAsync(rows);
        return (rows.Count, holders);
    }

    private PricingModel PickModel() => _random.Next(100) switch
    {
        < 45 => PricingModel.Seats,
        < 65 => PricingModel.Bundle,
        < 80 => PricingModel.Credits,
        < 90 => PricingModel.Iaas,
        _ => PricingModel.Custom,
    };

    private CampaignStatus PickStatus() => _random.Next(100) switch
    {
        < 3 => CampaignStatus.Draft,
        < 5 => CampaignStatus.Planned,
        < 20 => CampaignStatus.Recruiting,
        < 84 => CampaignStatus.Active,
        < 91 => CampaignStatus.Paused,
        < 97 => CampaignStatus.Completed,
        _ => CampaignStatus.Closed,
    };

    /// <summary>A utilization: 55 % of pools below 80 %, then 80-90, 90-100, exactly full, and (where allowed) into the overage.</summary>
    private double PickFraction(bool allowOverage) => _random.Next(100) switch
    {
        < 55 => _random.NextDouble() * 0.79,
        < 68 => 0.8 + _random.NextDouble() * 0.099,
        < 80 => 0.9 + _random.NextDouble() * 0.099,
        var roll when roll < 92 || !allowOverage => 1.0,
        _ => 1.01 + _random.NextDouble() * 0.09,
    };

    private long PickUsed(long limit, long hardLimit, bool allowOverage)
    {
        var used = (long)Math.Floor(limit * PickFraction(allowOverage));
        return Math.Clamp(used, 0, allowOverage ? hardLimit : limit);
    }

    private static void Set(object entity, string property, object value) =>
        entity.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, value);

    private static readonly string[] Words =
        ["Acme", "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Hooli", "Vandelay",
         "Soylent", "Oscorp", "Aperture", "Massive", "Pied", "Gringotts", "Monarch"];

    private static readonly string[] Suffixes = ["Foundation", "Trust", "Group", "Holdings", "Partners", "Labs", "Works", "Industries"];

    private static readonly string[] Themes = ["literacy", "river clean-up", "food bank", "mentoring", "tree planting", "coding club", "blood drive", "shelter"];
}
