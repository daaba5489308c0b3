using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Forecasts;

/// <summary>
/// SQLite groups the refused-demand counts of racing refusals into one commit (RefusalCounter): each refusal
/// keeps its own decision and answer, every count lands on its own pool, and a group that fails is never a
/// failure of its members (each then counts alone).
/// </summary>
public class RefusalGroupCommitTests() : DatabaseTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task RacingRefusals_OnTwoPoolsAndCredits_EachPoolCountedExactly()
    {
        // Arrange: two full seats campaigns and a used-up credits campaign
        var company = await NewCompanyAsync();
        var a = await FullSeatsCampaignAsync(company);
        var b = await FullSeatsCampaignAsync(company);
        var credits = (await NewCampaignAsync(company, PricingModel.Credits, credits: 1m, overage: 0m)).CampaignId;
        Ok(await CreditService.ConsumeAsync(Integration, credits, new CreditConsumption(1m)));

        // Act: 60 refusals racing, interleaved across the three pools
        var results = await RaceAsync(60, i => (i % 3) switch
        {
            0 => Enrollments.EnrollVolunteerAsync(Integration, a, $"a-{i}"),
            1 => Enrollments.EnrollVolunteerAsync(Integration, b, $"b-{i}"),
            _ => CreditService.ConsumeAsync(Integration, credits, new CreditConsumption(0.5m, null, $"k-{i}")),
        });

        // Assert: each answered as its own refusal; each pool holds exactly its own
        Assert.All(results, r => Assert.Equal(ErrorCodes.CapacityExceeded, Ok(r).Code));
        Assert.Equal((20L, 20L, 20L), (await CountedAsync(a), await CountedAsync(b), await CountedAsync(credits)));
    }

    [Fact]
    public async Task GroupWriteFails_MembersCountAloneAndNoneFails()
    {
        // Arrange: the database refuses any write adding more than one refusal at once (every grouped write), and the
        // writer gate is held while the racers start, so their counts queue up into groups.
        var company = await NewCompanyAsync();
        var campaign = await FullSeatsCampaignAsync(company);
        await using (var db = Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_grouped_insert BEFORE INSERT ON "PoolRefusalDays" WHEN NEW."Refused" > 1
                BEGIN SELECT RAISE(ABORT, 'grouped'); END;
                """);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_grouped_update BEFORE UPDATE ON "PoolRefusalDays" WHEN NEW."Refused" - OLD."Refused" > 1
                BEGIN SELECT RAISE(ABORT, 'grouped'); END;
                """);
        }
        Task<Result<ConsumptionResult>[]> race;
        await using (var holder = Database.CreateDbContext())
        {
            await holder.Database.OpenConnectionAsync();
            await using var held = await holder.Database.BeginWriteTransactionAsync(default);
            race = RaceAsync(30, i => Enrollments.EnrollVolunteerAsync(Integration, campaign, $"r-{i}"));
            await Task.Yield();
            await held.CommitAsync();
        }

        // Act
        var results = await race;

        // Assert: every refusal answered, every one counted (alone)
        Assert.All(results, r => Assert.Equal(ErrorCodes.CapacityExceeded, Ok(r).Code));
        Assert.Equal(30L, await CountedAsync(campaign));
    }

    private async Task<Guid> FullSeatsCampaignAsync(Guid company)
    {
        var campaign = await NewCampaignAsync(company, seats: 1, overage: 0m);
        await EnrollVolunteersAsync(campaign.CampaignId, 1, "pre");
        return campaign.CampaignId;
    }

    private async Task<long> CountedAsync(Guid poolId)
    {
        await using var db = Database.CreateDbContext();
        return await db.PoolRefusalDays.Where(r => r.PoolId == poolId).SumAsync(r => (long)r.Refused);
    }
}
