using Bunit;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Campaigns;

namespace CapacityAdmin.Web.Tests.Campaigns;

public sealed class CampaignCapacityFormTests : CampaignComponentTestBase
{
    private async Task<(CapacityStatus Campaign, IRenderedComponent<CampaignCapacityForm> Form, List<LimitChangeResult> Saved)> RenderFormAsync(
        int seats = 60, int enrolled = 58)
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats, enrolled);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var saved = new List<LimitChangeResult>();
        var form = Render<CampaignCapacityForm>(p => p
            .Add(x => x.Status, campaign)
            .Add(x => x.Saved, (LimitChangeResult r) => saved.Add(r)));
        return (campaign, form, saved);
    }

    private async Task<IReadOnlyList<CapacityChangeView>> TimelineAsync(Guid campaignId)
    {
        var timeline = await Service<CapacityQueryService>().GetTimelineAsync(Seeder, campaignId);
        return timeline.Value!.Items;
    }

    [Fact]
    public async Task Preview_LoweringBelowUsage_ShowsImpactBeforeSaving()
    {
        var (campaign, form, saved) = await RenderFormAsync(seats: 60, enrolled: 58);

        form.Find("input[name=CommittedSeats]").Change("50");

        form.WaitForAssertion(() => Assert.Contains(
            "58 used of a new limit of 50: 116 %, above the hard limit; new enrollments will be refused",
            form.Find("[aria-label='Impact preview']").TextContent));
        Assert.Contains("committedSeats: 60 → 50", form.Find("[aria-label='Impact preview']").TextContent);
        Assert.Empty(saved);
        Assert.DoesNotContain(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
    }

    [Fact]
    public async Task Save_WithoutReason_IsBlockedAndRecordsNothing()
    {
        var (campaign, form, saved) = await RenderFormAsync();

        form.Find("input[name=CommittedSeats]").Change("50");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("A reason is required for every capacity change", form.Markup));
        Assert.Empty(saved);
        Assert.DoesNotContain(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
    }

    [Fact]
    public async Task Save_WithNegativeSeats_IsRefusedAndRecordsNothing()
    {
        var (campaign, form, saved) = await RenderFormAsync();

        form.Find("input[name=CommittedSeats]").Change("-5");
        form.Find("textarea[name=Reason]").Change("Typo");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Enter a whole number from 0 to 10,000,000", form.Markup));
        Assert.Empty(saved);
        Assert.DoesNotContain(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
        var status = await Service<CapacityQueryService>().GetCampaignStatusAsync(Seeder, campaign.CampaignId);
        Assert.Equal(60, status.Value!.Seats!.Committed);
    }

    [Fact]
    public async Task Save_WithReason_RecordsTimelineEntryAndRaisesSaved()
    {
        var (campaign, form, saved) = await RenderFormAsync();

        form.Find("input[name=CommittedSeats]").Change("50");
        form.Find("textarea[name=Reason]").Change("Contract reduced to 50 seats");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(saved));
        Assert.Equal(CapacityBand.Overage, saved[0].Status.Band);
        Assert.True(saved[0].Impact.RefusesNewConsumption);
        var change = Assert.Single(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
        Assert.Equal(("60", "50", "Contract reduced to 50 seats", "casey@test.local"), (change.OldValue, change.NewValue, change.Reason, change.ChangedBy));
    }
}
