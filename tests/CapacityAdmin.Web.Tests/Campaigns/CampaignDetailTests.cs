using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Campaigns;

namespace CapacityAdmin.Web.Tests.Campaigns;

public sealed class CampaignDetailTests : CampaignComponentTestBase
{
    [Fact]
    public async Task Detail_AsCustomerSuccess_ShowsGaugesLegendFlagsAndEditControls()
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 9);
        SignInAs(Roles.CustomerSuccess);

        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.Equal("River Clean-up", cut.Find("h1").TextContent.Trim()));
        Assert.Equal(3, cut.FindAll("[aria-label='Capacity gauges'] [role=listitem]").Count);
        Assert.Contains("Near capacity", cut.Find("[aria-label='Capacity flags']").TextContent);
        Assert.Contains("80–99 % of the limit", cut.Find("[aria-label='Band legend']").TextContent);
        Assert.Contains("Committed seats", cut.Find("[aria-label='Governing limit']").TextContent);
        Assert.Contains("Hard limit", cut.Find("[aria-label='Governing limit']").TextContent);
        Assert.Contains("Acme", cut.Markup);
        Assert.NotNull(cut.Find("[aria-label='Change capacity']"));
        Assert.Equal(["Move to paused", "Move to completed"],
            cut.FindAll("[aria-label='Status transitions'] button").Select(b => b.TextContent.Trim()));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Request more capacity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.CompanyAdmin)]
    [InlineData(Roles.Sales)]
    public async Task Detail_AsReadOnlyRole_ShowsCapacityWithoutEditControls(string role)
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 3);
        SignInAs(role, role == Roles.CompanyAdmin ? company : null);

        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.Equal("River Clean-up", cut.Find("h1").TextContent.Trim()));
        Assert.Contains("30 %", cut.Find("[aria-label='Governing limit']").TextContent);
        Assert.Empty(cut.FindAll("[aria-label='Change capacity']"));
        Assert.Empty(cut.FindAll("[aria-label='Status transitions']"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Save", StringComparison.Ordinal));
        Assert.Equal(role == Roles.CompanyAdmin,
            cut.FindAll("button").Any(b => b.TextContent.Contains("Request more capacity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Detail_AsCompanyAdminOfAnotherCompany_ShowsNotFound()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        var campaign = await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 3);
        SignInAs(Roles.CompanyAdmin, globex);

        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.Equal("Campaign not found", cut.Find("h1").TextContent.Trim()));
        Assert.DoesNotContain("River Clean-up", cut.Markup);
        Assert.DoesNotContain("Acme", cut.Markup);
        Assert.Empty(cut.FindAll("[aria-label='Capacity gauges']"));
    }

    [Fact]
    public async Task StatusChange_Cancelled_LeavesTheCampaignUnchanged()
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 1);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));
        cut.WaitForAssertion(() => Button(cut, "Move to completed"));

        Button(cut, "Move to completed").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("can no longer be changed", Dialogs.Markup));
        Button(Dialogs, "Cancel").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        Assert.Equal(CampaignStatus.Active, await StatusAsync(campaign.CampaignId));
        Assert.Contains("Status: Active", cut.Find("[data-testid=campaign-status]").TextContent);
    }

    [Fact]
    public async Task StatusChange_ConfirmedWithReason_AppliesAndMakesTheCampaignReadOnly()
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 1);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));
        cut.WaitForAssertion(() => Button(cut, "Move to completed"));

        Button(cut, "Move to completed").Click();
        Dialogs.WaitForAssertion(() => Button(Dialogs, "Move to completed"));
        Button(Dialogs, "Move to completed").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Give a reason for the change", Dialogs.Markup));
        Assert.Equal(CampaignStatus.Active, await StatusAsync(campaign.CampaignId));
        Enter(Dialogs.Find(".mud-dialog textarea"), "Programme ended");
        Button(Dialogs, "Move to completed").Click();

        cut.WaitForAssertion(() => Assert.Contains("Status: Completed", cut.Find("[data-testid=campaign-status]").TextContent));
        Assert.Equal(CampaignStatus.Completed, await StatusAsync(campaign.CampaignId));
        Assert.Empty(cut.FindAll("[aria-label='Change capacity']"));
        Assert.NotNull(cut.Find("[aria-label='Read-only campaign']"));
        var timeline = await Service<CapacityQueryService>().GetTimelineAsync(Seeder, campaign.CampaignId);
        var entry = Assert.Single(timeline.Value!.Items, c => c.Field == "status");
        Assert.Equal(("active", "completed", "Programme ended", "casey@test.local"), (entry.OldValue, entry.NewValue, entry.Reason, entry.ChangedBy));
    }

    [Fact]
    public async Task CapacityRequest_AsCompanyAdmin_ThenShowsRequestPending()
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 9);
        SignInAs(Roles.CompanyAdmin, company, name: "owner@acme.test");
        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));
        cut.WaitForAssertion(() => Button(cut, "Request more capacity"));

        Button(cut, "Request more capacity").Click();
        Dialogs.WaitForAssertion(() => Button(Dialogs, "Send request"));
        Button(Dialogs, "Send request").Click();

        cut.WaitForAssertion(() => Assert.Contains("Request pending", cut.Find("[data-testid=request-pending]").TextContent));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Request more capacity", StringComparison.Ordinal));
        var admin = new Actor("owner@acme.test", Roles.CompanyAdmin, company);
        var second = await Service<AlertService>().RequestCapacityAsync(admin, campaign.CampaignId, "again");
        Assert.Equal(Domain.Common.ErrorCodes.CapacityRequestPending, second.Error?.Code);
    }

    private async Task<CampaignStatus> StatusAsync(Guid campaignId) =>
        (await Service<CapacityQueryService>().GetCampaignStatusAsync(Seeder, campaignId)).Value!.Status;
}
