using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Campaigns;

public class CreditServiceTests : SqliteTest
{
    [Fact]
    public async Task Consume_WithinAllocation_RecordsLedgerEntry()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 200m);

        // Act
        var result = Ok(await CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(50.25m, "Tree planting")));

        // Assert
        Assert.True(result.Allowed);
        Assert.Equal(0.2513m, result.NewUtilization);   // 50.25 / 200 = 0.25125, rounded half away from zero
        Assert.Equal(50.25m, result.LedgerEntry!.Amount);
        Assert.Equal("Tree planting", result.LedgerEntry.Activity);
        var status = await StatusAsync(campaign.CampaignId);
        Assert.Equal((200m, 50.25m, 149.75m, 25.13m), (status.Credits!.Allocated, status.Credits.Consumed, status.Credits.Remaining, status.Credits.UtilizationPercent));
    }

    [Fact]
    public async Task Consume_ExactlyToHardLimit_IsAllowedAndRemainingGoesNegative()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 100m);

        var result = Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(110.00m)));

        Assert.True(result.Allowed);
        Assert.Equal(CapacityBand.Overage, result.Band);
        Assert.Contains("110%", result.Reason);
        var status = await StatusAsync(campaign.CampaignId);
        Assert.Equal(-10m, status.Credits!.Remaining);
        Assert.True(status.IsOverCapacity);
        Assert.True(status.IsAtCapacity);
        Assert.Equal(110m, status.HardLimit);
    }

    [Fact]
    public async Task Consume_OneCentAboveHardLimit_IsRefused()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 100m);
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(109.99m)));

        var refused = Refused(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(0.02m)), ErrorCodes.CapacityExceeded);

        Assert.Contains("110%", refused.Reason);
        Assert.Equal(1.1001m, refused.NewUtilization);
        Assert.True(Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(0.01m))).Allowed);
    }

    [Fact]
    public async Task Consume_AllocationZero_IsRefused()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 0m);

        Refused(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(0.01m)), ErrorCodes.CapacityExceeded);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.001")]
    public async Task Consume_InvalidAmount_IsValidationError(string amount)
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits);

        var error = Fails(await CreditService.ConsumeAsync(Admin, campaign.CampaignId,
            new CreditConsumption(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))), ErrorCodes.ValidationFailed);

        Assert.Contains("amount", error.Errors!.Keys);
    }

    [Theory]
    [InlineData(PricingModel.Seats)]
    [InlineData(PricingModel.Iaas)]
    [InlineData(PricingModel.Custom)]
    public async Task Consume_NonCreditsCampaign_IsPricingModelMismatchError(PricingModel model)
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, model);

        Fails(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(1m)), ErrorCodes.PricingModelMismatch);
    }

    [Fact]
    public async Task Consume_PausedCampaign_IsRefusedNotAccepting()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, status: CampaignStatus.Paused);

        Refused(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(1m)), ErrorCodes.CampaignNotAccepting);
    }

    [Fact]
    public async Task Consume_UnknownCampaign_IsCampaignNotFoundError()
    {
        Fails(await CreditService.ConsumeAsync(Admin, Guid.NewGuid(), new CreditConsumption(1m)), ErrorCodes.CampaignNotFound);
    }

    [Fact]
    public async Task Consume_SameIdempotencyKeyTwice_ReturnsFirstResultAndCountsOnce()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 100m);
        var first = Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(40m, "a", "order-7")));
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(10m)));

        // Act
        var replay = Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(40m, "a", "order-7")));

        // Assert
        Assert.True(replay.Existing);
        Assert.Equal(first.NewUtilization, replay.NewUtilization);
        Assert.Equal(first.LedgerEntry!.Id, replay.LedgerEntry!.Id);
        Assert.Equal(50m, (await StatusAsync(campaign.CampaignId)).Credits!.Consumed);
    }

    [Fact]
    public async Task Consume_SameKeyOnAnotherCampaign_CountsSeparately()
    {
        var company = await NewCompanyAsync();
        var one = await NewCampaignAsync(company, PricingModel.Credits);
        var two = await NewCampaignAsync(company, PricingModel.Credits);
        Ok(await CreditService.ConsumeAsync(Admin, one.CampaignId, new CreditConsumption(5m, null, "k")));

        var other = Ok(await CreditService.ConsumeAsync(Admin, two.CampaignId, new CreditConsumption(5m, null, "k")));

        Assert.False(other.Existing);
        Assert.Equal(5m, (await StatusAsync(two.CampaignId)).Credits!.Consumed);
    }

    [Fact]
    public async Task Refund_WithReason_WritesNegativeEntryAndFreesCredits()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 100m);
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(60m)));

        // Act
        var refund = Ok(await CreditService.RefundAsync(Integration, campaign.CampaignId, new CreditRefund(20.5m, "Event cancelled")));

        // Assert
        Assert.True(refund.Allowed);
        Assert.Equal(-20.5m, refund.LedgerEntry!.Amount);
        Assert.Equal(39.5m, (await StatusAsync(campaign.CampaignId)).Credits!.Consumed);
        var ledger = Ok(await Queries.ListLedgerAsync(Admin, campaign.CampaignId));
        Assert.Equal(2, ledger.Total);
        Assert.Equal(0m, ledger.Items.Sum(e => e.Amount) - 39.5m);
    }

    [Fact]
    public async Task Refund_MoreThanConsumed_IsValidationError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits);
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(5m)));

        Fails(await CreditService.RefundAsync(Admin, campaign.CampaignId, new CreditRefund(5.01m, "too much")), ErrorCodes.ValidationFailed);
        Assert.Equal(5m, (await StatusAsync(campaign.CampaignId)).Credits!.Consumed);
    }

    [Fact]
    public async Task Refund_WithoutReason_IsValidationError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits);

        var error = Fails(await CreditService.RefundAsync(Admin, campaign.CampaignId, new CreditRefund(1m, " ")), ErrorCodes.ValidationFailed);

        Assert.Contains("reason", error.Errors!.Keys);
    }

    [Fact]
    public async Task Refund_SameIdempotencyKey_CountsOnce()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits);
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(10m)));
        Ok(await CreditService.RefundAsync(Admin, campaign.CampaignId, new CreditRefund(3m, "r", "refund-1")));

        var replay = Ok(await CreditService.RefundAsync(Admin, campaign.CampaignId, new CreditRefund(3m, "r", "refund-1")));

        Assert.True(replay.Existing);
        Assert.Equal(7m, (await StatusAsync(campaign.CampaignId)).Credits!.Consumed);
    }

    [Fact]
    public async Task Consume_SalesActor_IsForbidden()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits);

        Fails(await CreditService.ConsumeAsync(Sales, campaign.CampaignId, new CreditConsumption(1m)), ErrorCodes.Forbidden);
        Fails(await CreditService.RefundAsync(Sales, campaign.CampaignId, new CreditRefund(1m, "r")), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Consume_IntegrationKeyOfOtherCompany_SeesCampaignNotFound()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits);

        Fails(await CreditService.ConsumeAsync(IntegrationOf(other), campaign.CampaignId, new CreditConsumption(1m)), ErrorCodes.CampaignNotFound);
    }
}
