using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Campaigns;

namespace CapacityAdmin.Web.Tests.Campaigns;

public sealed class CampaignDetailTests : CampaignComponentTestBase
{
    [Fact]
    public async Task Detail_AsCustomerSuccess_ShowsGaugesFlagsAndEditControls()
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 9);
        SignInAs(Roles.CustomerSuccess);

        var cut = Render<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.Equal("River Clean-up", cut.Find("h1").TextContent.Trim()));
        Assert.Equal(["Volunteers", "Beneficiaries", "Seats"], cut.FindAll("[aria-label='Capacity gauges'] h3").Select(h => h.TextContent.Trim()));
        Assert.Contains("Near capacity", cut.Find("[aria-label='Capacity flags']").TextContent);
        Assert.Contains("Acme", cut.Markup);
        Assert.NotNull(cut.Find("[aria-label='Change capacity']"));
        Assert.NotNull(cut.Find("textarea[name=Reason]"));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Contains("Save capacity", StringComparison.Ordinal));
        Assert.Equal(["Move to paused", "Move to completed"], cut.FindAll("[aria-label='Status transitions'] button").Select(b => b.GetAttribute("aria-label")));
    }

    [Theory]
    [InlineData(Roles.CompanyAdmin)]
    [InlineData(Roles.Sales)]
    public async Task Detail_AsReadOnlyRole_ShowsCapacityWithoutEditControls(string role)
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 3);
        SignInAs(role, role == Roles.CompanyAdmin ? company : null);

        var cut = Render<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.Equal("River Clean-up", cut.Find("h1").TextContent.Trim()));
        Assert.Equal(3, cut.FindAll("[aria-label='Capacity gauges'] h3").Count);
        Assert.Contains("30 %", cut.Find("[aria-label='Seats']").TextContent);
        Assert.Empty(cut.FindAll("[aria-label='Change capacity']"));
        Assert.Empty(cut.FindAll("[aria-label='Status transitions']"));
        Assert.Empty(cut.FindAll("textarea, input[name=CommittedSeats]"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Save", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detail_AsCompanyAdminOfAnotherCompany_ShowsNotFound()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        var campaign = await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 3);
        SignInAs(Roles.CompanyAdmin, globex);

        var cut = Render<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.Equal("Campaign not found", cut.Find("h1").TextContent.Trim()));
        Assert.DoesNotContain("River Clean-up", cut.Markup);
        Assert.DoesNotContain("Acme", cut.Markup);
        Assert.Empty(cut.FindAll("[aria-label='Capacity gauges']"));
    }

    [Fact]
    public async Task Detail_MoveToPausedAsCustomerSuccess_ChangesStatusAndRecordsIt()
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 10, enrolled: 1);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = Render<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));
        cut.WaitForAssertion(() => cut.Find("[aria-label='Move to paused']"));

        await ClickAsync(cut.Find("[aria-label='Move to paused']"));

        cut.WaitForAssertion(() => Assert.Contains("Status: paused", cut.Markup));
        Assert.Equal(["Move to active", "Move to completed", "Move to closed"],
            cut.FindAll("[aria-label='Status transitions'] button").Select(b => b.GetAttribute("aria-label")));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[aria-label='Change timeline'] tr"), r => r.TextContent.Contains("active → paused", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Detail_SavingLowerLimitAsCustomerSuccess_ShowsOverCapacityAndTimelineEntry()
    {
        var company = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(company, "River Clean-up", seats: 60, enrolled: 58);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = Render<CampaignDetail>(p => p.Add(x => x.Id, campaign.CampaignId));
        cut.WaitForAssertion(() => cut.Find("input[name=CommittedSeats]"));

        cut.Find("input[name=CommittedSeats]").Change("50");
        cut.Find("textarea[name=Reason]").Change("Contract reduced to 50 seats");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("above the hard limit; new enrollments will be refused", cut.Find("[aria-label='Capacity flags']").TextContent));
        cut.WaitForAssertion(() =>
        {
            var row = cut.FindAll("[aria-label='Change timeline'] tr").Single(r => r.TextContent.Contains("committedSeats", StringComparison.Ordinal));
            Assert.Contains("60 → 50", row.TextContent);
            Assert.Contains("Contract reduced to 50 seats", row.TextContent);
            Assert.Contains("casey@test.local", row.TextContent);
        });
        Assert.Contains("116 %", cut.Find("[aria-label='Seats']").TextContent);
    }
}
