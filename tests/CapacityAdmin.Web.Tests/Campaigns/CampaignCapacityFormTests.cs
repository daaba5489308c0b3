using CapacityAdmin.Web.Components.Shared;
using Bunit;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
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
        var form = RenderPage<CampaignCapacityForm>(p => p
            .Add(x => x.Status, campaign)
            .Add(x => x.Saved, (LimitChangeResult r) => saved.Add(r)));
        return (campaign, form, saved);
    }

    private async Task<IReadOnlyList<AuditEntryView>> TimelineAsync(Guid campaignId)
    {
        var timeline = await Service<CapacityQueryService>().GetTimelineAsync(Seeder, campaignId);
        return timeline.Value!.Items;
    }

    private async Task<int> CommittedSeatsAsync(Guid campaignId) =>
        (await Service<CapacityQueryService>().GetCampaignStatusAsync(Seeder, campaignId)).Value!.Seats!.Committed;

    [Fact]
    public async Task Preview_LoweringBelowUsage_ShowsImpactWithHumanLabelsBeforeSaving()
    {
        var (campaign, form, saved) = await RenderFormAsync(seats: 60, enrolled: 58);

        Enter(Field(form, "committedSeats"), "50");

        form.WaitForAssertion(() => Assert.Contains(
            "58 used of a new limit of 50: 116 %, above the hard limit; new enrollments will be refused",
            form.Find("[aria-label='Impact preview']").TextContent));
        Assert.Contains("Committed seats: 60 → 50", form.Find("[aria-label='Impact preview']").TextContent);
        Assert.DoesNotContain("committedSeats", form.Find("[aria-label='Impact preview']").TextContent);
        Assert.Empty(saved);
        Assert.DoesNotContain(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
    }

    [Fact]
    public async Task TypedLetter_IsReportedAtTheFieldAndKept()
    {
        var (campaign, form, saved) = await RenderFormAsync();

        Enter(Field(form, "committedSeats"), "5O");

        form.WaitForAssertion(() => Assert.Contains("Enter a whole number (digits only)", form.Markup));
        Assert.Equal("5O", Field(form, "committedSeats").GetAttribute("value"));
        Assert.Empty(form.FindAll("[aria-label='Impact preview'] .mud-alert"));
        Assert.Empty(saved);
        Assert.Equal(60, await CommittedSeatsAsync(campaign.CampaignId));
    }

    [Fact]
    public async Task HugeNumber_IsReportedAtTheFieldAndNotSaved()
    {
        var (campaign, form, saved) = await RenderFormAsync();

        Enter(Field(form, "committedSeats"), "99999999999999999999999999999999");
        Enter(Field(form, "reason"), "Typo");
        form.WaitForAssertion(() => Assert.Contains("Too large", form.Markup));
        Button(form, "Save capacity").Click();

        form.WaitForAssertion(() => Assert.Contains("Too large: at most 10,000,000", form.Markup));
        Assert.Empty(saved);
        Assert.Equal(60, await CommittedSeatsAsync(campaign.CampaignId));
    }

    [Fact]
    public async Task Save_WithoutReason_IsBlockedAndRecordsNothing()
    {
        var (campaign, form, saved) = await RenderFormAsync();

        Enter(Field(form, "committedSeats"), "70");
        form.WaitForAssertion(() => Assert.Contains("Committed seats: 60 → 70", form.Find("[aria-label='Impact preview']").TextContent));
        Button(form, "Save capacity").Click();

        form.WaitForAssertion(() => Assert.Contains("A reason is required for every capacity change", form.Markup));
        Assert.Empty(saved);
        Assert.DoesNotContain(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
    }

    [Fact]
    public async Task Save_BelowUsageThenCancel_ChangesNothing()
    {
        var (campaign, form, saved) = await RenderFormAsync(seats: 60, enrolled: 58);
        Enter(Field(form, "committedSeats"), "50");
        Enter(Field(form, "reason"), "Contract reduced to 50 seats");
        form.WaitForAssertion(() => Assert.Contains("58 used of a new limit of 50", form.Find("[aria-label='Impact preview']").TextContent));

        Button(form, "Save capacity").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Usage stays above the new limit", Dialogs.Markup));
        Button(Dialogs, "Cancel").Click();

        Dialogs.WaitForAssertion(() => Assert.DoesNotContain("Usage stays above the new limit", Dialogs.Markup));
        Assert.Empty(saved);
        Assert.Equal(60, await CommittedSeatsAsync(campaign.CampaignId));
        Assert.DoesNotContain(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
    }

    [Fact]
    public async Task Save_BelowUsageConfirmed_RecordsTimelineEntryAndRaisesSaved()
    {
        var (campaign, form, saved) = await RenderFormAsync(seats: 60, enrolled: 58);
        Enter(Field(form, "committedSeats"), "50");
        Enter(Field(form, "reason"), "Contract reduced to 50 seats");
        form.WaitForAssertion(() => Assert.Contains("58 used of a new limit of 50", form.Find("[aria-label='Impact preview']").TextContent));

        Button(form, "Save capacity").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("58 used of a new limit of 50", Dialogs.Markup));
        Button(Dialogs, "Save anyway").Click();

        form.WaitForAssertion(() => Assert.Single(saved));
        Assert.Equal(CapacityBand.Overage, saved[0].Status.Band);
        var change = Assert.Single(await TimelineAsync(campaign.CampaignId), c => c.Field == "committedSeats");
        Assert.Equal(("60", "50", "Contract reduced to 50 seats", "casey@test.local"), (change.OldValue, change.NewValue, change.Reason, change.ChangedBy));
    }

    [Fact]
    public async Task Save_AboveUsage_SavesWithoutConfirmation()
    {
        var (campaign, form, saved) = await RenderFormAsync(seats: 60, enrolled: 58);
        Enter(Field(form, "committedSeats"), "80");
        Enter(Field(form, "reason"), "Upsell won");
        form.WaitForAssertion(() => Assert.Contains("Committed seats: 60 → 80", form.Find("[aria-label='Impact preview']").TextContent));

        Button(form, "Save capacity").Click();

        form.WaitForAssertion(() => Assert.True(saved.Count == 1, form.Markup));
        Assert.Equal(80, await CommittedSeatsAsync(campaign.CampaignId));
    }

    [Fact]
    public void ServerRefusal_IsShownAtItsFieldInWords()
    {
        var error = DomainError.Validation("The capacity change is invalid.", new Dictionary<string, string[]>
        {
            ["committedSeats"] = ["committedSeats lies between 0 and 10000000."],
            ["to"] = ["Value out of range. (Parameter 'to')"],
        });

        var (fields, general) = NumberInput.Split(error, CampaignCapacityForm.Labels);

        Assert.Equal("Committed seats lies between 0 and 10000000.", fields["committedSeats"]);
        Assert.Equal("Value out of range.", general);
    }
}
