using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Memberships;

/// <summary>The editors' batch saves (one transaction, all or nothing) and the capacity history read, on SQLite and PostgreSQL.</summary>
public abstract class MembershipBatchSaveTests
{
    protected abstract Task<MembershipHarness> CreateHarnessAsync();

    [Fact]
    public async Task SaveLevelCapacities_RefusalInTheLastCell_SavesNothing_AndNamesTheCell()
    {
        var h = await CreateHarnessAsync();
        await h.CapAsync(Level.NATIONAL, null, 72);
        await h.CapAsync(Level.ZONE, "NORTH", 40);
        var before = await SnapshotAsync(h);

        var refused = Refused(await h.Catalog.SaveLevelCapacitiesAsync(Cs, new LevelCapacityBatchRequest(
        [
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.NATIONAL), 80),
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.ZONE, Zone: "NORTH"), null),
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.ZONE, Zone: "SOUTH"), 30),
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.ZONE, Zone: "EAST"), -1),
        ], "quarterly review")), ErrorCodes.ValidationFailed);

        Assert.Equal(3, refused.Extensions!["entry"]);
        Assert.Equal($"{h.C("GB")} ZONE EAST", refused.Extensions["label"]);
        Assert.Contains("edits[3]", refused.Errors!.Keys);
        Assert.Equal(before, await SnapshotAsync(h));
    }

    [Fact]
    public async Task SaveLevelCapacities_UnknownUnitInTheLastCell_SavesNothing()
    {
        var h = await CreateHarnessAsync();
        await h.CapAsync(Level.NATIONAL, null, 72);
        var before = await SnapshotAsync(h);

        var refused = Refused(await h.Catalog.SaveLevelCapacitiesAsync(Cs, new LevelCapacityBatchRequest(
        [
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.NATIONAL), null),
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.STATE, State: h.C("NOPE")), 5),
        ], "r")), MembershipErrorCodes.UnitNotFound);

        Assert.Equal(1, refused.Extensions!["entry"]);
        Assert.Equal(before, await SnapshotAsync(h));
    }

    [Fact]
    public async Task SaveLevelCapacities_SetsCreatesAndRemoves_AuditsEachWithTheReason()
    {
        var h = await CreateHarnessAsync();
        await h.CapAsync(Level.NATIONAL, null, 72);
        await h.CapAsync(Level.ZONE, "NORTH", 40);

        var outcome = Ok(await h.Catalog.SaveLevelCapacitiesAsync(Cs, new LevelCapacityBatchRequest(
        [
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.NATIONAL), 80),
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.ZONE, Zone: "NORTH"), null),
            new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.ZONE, Zone: "SOUTH"), 30),
        ], "quarterly review")));

        Assert.Equal(new LevelCapacityBatchOutcome(1, 1, 1), outcome);
        Assert.Equal([("NATIONAL|", 80), ("ZONE|SOUTH", 30)], await SnapshotAsync(h));
        var history = Ok(await h.Catalog.ListCapacityHistoryAsync(Cs, new CapacityHistoryQuery(CapacityChangeKind.LevelCapacity, Search: "quarterly"), new PageRequest()));
        var mine = history.Items.Where(c => c.Subject.Cell == h.C("GB")).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Contains(mine, c => c.Subject.Level == Level.ZONE && c.Subject.Unit == "NORTH" && c.OldValue == "40" && c.NewValue is null && c.ChangedBy == Cs.Name);
        Assert.Contains(mine, c => c.Subject.Level == Level.NATIONAL && c.OldValue == "72" && c.NewValue == "80");
    }

    [Fact]
    public async Task SaveLevelCapacities_SalesOrNoReason_IsRefused()
    {
        var h = await CreateHarnessAsync();
        var edits = new[] { new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.NATIONAL), 5) };

        Refused(await h.Catalog.SaveLevelCapacitiesAsync(Sales, new LevelCapacityBatchRequest(edits, "r")), ErrorCodes.Forbidden);
        Refused(await h.Catalog.SaveLevelCapacitiesAsync(Cs, new LevelCapacityBatchRequest(edits, " ")), ErrorCodes.ValidationFailed);
        Assert.Empty(await SnapshotAsync(h));
    }

    [Fact]
    public async Task SaveDesignation_InvalidLastOverride_SavesNothing_AndNamesTheField()
    {
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("SEC", capacity: 8, fee: 1000m);
        Ok(await h.Catalog.SetDesignationLevelCapacityAsync(Cs, h.C("SEC"), Level.STATE, 2, "setup"));

        var refused = Refused(await h.Catalog.SaveDesignationAsync(Cs, h.C("SEC"), new DesignationEdit(10, 900m, 180,
            new Dictionary<Level, int?> { [Level.STATE] = null, [Level.MANDAL] = -3 }, "review")), ErrorCodes.ValidationFailed);

        Assert.Equal(["overrides.MANDAL"], refused.Errors!.Keys);
        var saved = Ok(await h.Catalog.ListDesignationsAsync(Cs)).Single(d => d.Code == h.C("SEC"));
        Assert.Equal((8, 1000m, 365, 2), (saved.DefaultCapacity, saved.Fee, saved.ValidityDays, saved.LevelCapacities[Level.STATE]));
        Assert.DoesNotContain(Ok(await h.Catalog.ListCapacityHistoryAsync(Cs, new CapacityHistoryQuery(Search: "review"), new PageRequest())).Items,
            c => c.Subject.Designation == h.C("SEC"));
    }

    [Fact]
    public async Task SaveDesignation_ValuesAndOverrides_ClearsAnOverride_AuditsEachAndJoinsSeeTheDefault()
    {
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("SEC", capacity: 1);
        Ok(await h.Catalog.SetDesignationLevelCapacityAsync(Cs, h.C("SEC"), Level.STATE, 5, "setup"));

        var saved = Ok(await h.Catalog.SaveDesignationAsync(Cs, h.C("SEC"), new DesignationEdit(2, 10m, null,
            new Dictionary<Level, int?> { [Level.STATE] = null, [Level.DISTRICT] = 3 }, "board decision")));

        Assert.Equal((2, 10m), (saved.DefaultCapacity, saved.Fee));
        Assert.Equal([Level.DISTRICT], saved.LevelCapacities.Keys);
        await h.JoinOkAsync("a", h.Scope("SEC", Level.STATE, "S1"));
        await h.JoinOkAsync("b", h.Scope("SEC", Level.STATE, "S1"));
        Refused(await h.JoinAsync("c", h.Scope("SEC", Level.STATE, "S1")), MembershipErrorCodes.NoSeatsDesignation);
        var history = Ok(await h.Catalog.ListCapacityHistoryAsync(Cs, new CapacityHistoryQuery(Search: "board decision"), new PageRequest())).Items
            .Where(c => c.Subject.Designation == h.C("SEC")).ToList();
        Assert.Contains(history, c => c.Subject.Type == AuditSubjectType.Override && c.Subject.Level == Level.STATE && c.OldValue == "5" && c.NewValue is null);
        Assert.Contains(history, c => c.Subject.Type == AuditSubjectType.Override && c.Subject.Level == Level.DISTRICT && c.OldValue is null && c.NewValue == "3");
        Assert.Contains(history, c => c.Subject.Type == AuditSubjectType.Designation && c.Field == "defaultCapacity" && c.OldValue == "1" && c.NewValue == "2");
        Assert.Contains(history, c => c.Subject.Type == AuditSubjectType.Designation && c.Field == "fee" && c.NewValue == "10");
    }

    [Fact]
    public async Task CapacityHistory_FiltersByKind_SortsInSql_AndRefusesCompanyAdmins()
    {
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("SEC", capacity: 1);
        Ok(await h.Catalog.SaveDesignationAsync(Cs, h.C("SEC"), new DesignationEdit(2, null, null, null, $"{h.Prefix} first")));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Ok(await h.Catalog.SaveDesignationAsync(Cs, h.C("SEC"), new DesignationEdit(null, null, null, new Dictionary<Level, int?> { [Level.ZONE] = 4 }, $"{h.Prefix} second")));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Ok(await h.Catalog.SaveLevelCapacitiesAsync(Admin, new LevelCapacityBatchRequest([new LevelCapacityEdit(new LevelCapacityKey(h.C("GB"), Level.NATIONAL), 9)], $"{h.Prefix} third")));

        var all = Ok(await h.Catalog.ListCapacityHistoryAsync(Sales, new CapacityHistoryQuery(Search: h.Prefix.ToLowerInvariant()), new PageRequest()));
        var oldestFirst = Ok(await h.Catalog.ListCapacityHistoryAsync(Sales, new CapacityHistoryQuery(Search: h.Prefix, Descending: false), new PageRequest()));
        var overrides = Ok(await h.Catalog.ListCapacityHistoryAsync(Sales, new CapacityHistoryQuery(CapacityChangeKind.Override, h.Prefix), new PageRequest()));

        Assert.Equal([AuditSubjectType.LevelCapacity, AuditSubjectType.Override, AuditSubjectType.Designation], all.Items.Select(c => c.Subject.Type));
        Assert.Equal([AuditSubjectType.Designation, AuditSubjectType.Override, AuditSubjectType.LevelCapacity], oldestFirst.Items.Select(c => c.Subject.Type));
        Assert.Equal((1, Level.ZONE, "4"), (overrides.Total, overrides.Items[0].Subject.Level!.Value, overrides.Items[0].NewValue!));
        Assert.Equal(Admin.Name, all.Items[0].ChangedBy);
        Refused(await h.Catalog.ListCapacityHistoryAsync(CompanyAdmin, new CapacityHistoryQuery(), new PageRequest()), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task ListRows_SearchContainsIgnoringCase_SortsInSql_AndNamesCellDesignationAndUnit()
    {
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("SEC", capacity: 5);
        await h.JoinOkAsync("Anna-1", h.Scope("SEC", Level.STATE, "S1"));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.JoinOkAsync("bob-2", h.Scope("SEC", Level.DISTRICT, "D1"));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.JoinOkAsync("anna-3", h.Scope("SEC", Level.NATIONAL));

        var page = Ok(await h.Members.ListRowsAsync(Cs, new MembershipFilter(Cell: h.C("GB"), Search: "ANNA"), new PageRequest(),
            MembershipSort.MemberRef, descending: false));

        Assert.Equal(2, page.Total);
        Assert.Equal([h.C("Anna-1"), h.C("anna-3")], page.Items.Select(r => r.Membership.MemberRef));
        Assert.Equal(("General Body", "SEC", "State One"), (page.Items[0].CellName, page.Items[0].DesignationName, page.Items[0].UnitName));
        var district = Ok(await h.Members.ListRowsAsync(Cs, new MembershipFilter(Cell: h.C("GB"), Search: "bob"), new PageRequest()));
        Assert.Equal("District One", district.Items.Single().UnitName);
    }

    private static async Task<List<(string, int)>> SnapshotAsync(MembershipHarness h)
    {
        await using var db = h.Database.CreateDbContext();
        var rows = await db.LevelCapacities.Where(c => c.CellCode == h.C("GB")).ToListAsync();
        return rows.Select(r => ($"{r.Level}|{r.UnitCode}", r.Capacity)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }
}

public sealed class SqliteMembershipBatchSaveTests : MembershipBatchSaveTests, IAsyncLifetime
{
    private MembershipDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MembershipDatabase.CreateSqliteAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    protected override Task<MembershipHarness> CreateHarnessAsync() => MembershipHarness.CreateAsync(_db);
}

[Trait("Category", "Postgres")]
public sealed class PostgresMembershipBatchSaveTests(MembershipPostgresFixture fixture) : MembershipBatchSaveTests, IClassFixture<MembershipPostgresFixture>
{
    protected override async Task<MembershipHarness> CreateHarnessAsync() => await MembershipHarness.CreateAsync(await fixture.DatabaseAsync());
}
