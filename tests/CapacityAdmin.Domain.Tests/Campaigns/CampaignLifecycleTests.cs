using CapacityAdmin.Domain.Campaigns;

namespace CapacityAdmin.Domain.Tests.Campaigns;

public class CampaignLifecycleTests
{
    [Theory]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Planned)]
    [InlineData(CampaignStatus.Planned, CampaignStatus.Recruiting)]
    [InlineData(CampaignStatus.Recruiting, CampaignStatus.Active)]
    [InlineData(CampaignStatus.Active, CampaignStatus.Paused)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Active)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Completed)]
    [InlineData(CampaignStatus.Active, CampaignStatus.Completed)]
    [InlineData(CampaignStatus.Completed, CampaignStatus.Closed)]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Closed)]
    [InlineData(CampaignStatus.Planned, CampaignStatus.Closed)]
    [InlineData(CampaignStatus.Recruiting, CampaignStatus.Closed)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Closed)]
    public void CanTransition_AllowedMove_IsTrue(CampaignStatus from, CampaignStatus to)
    {
        Assert.True(CampaignLifecycle.CanTransition(from, to));
    }

    [Theory]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Active)]
    [InlineData(CampaignStatus.Active, CampaignStatus.Closed)]
    [InlineData(CampaignStatus.Active, CampaignStatus.Active)]
    [InlineData(CampaignStatus.Closed, CampaignStatus.Draft)]
    [InlineData(CampaignStatus.Completed, CampaignStatus.Active)]
    [InlineData(CampaignStatus.Recruiting, CampaignStatus.Planned)]
    public void CanTransition_IllegalMove_IsFalse(CampaignStatus from, CampaignStatus to)
    {
        Assert.False(CampaignLifecycle.CanTransition(from, to));
    }

    [Theory]
    [InlineData(CampaignStatus.Recruiting, true)]
    [InlineData(CampaignStatus.Active, true)]
    [InlineData(CampaignStatus.Draft, false)]
    [InlineData(CampaignStatus.Planned, false)]
    [InlineData(CampaignStatus.Paused, false)]
    [InlineData(CampaignStatus.Completed, false)]
    [InlineData(CampaignStatus.Closed, false)]
    public void AcceptsConsumption_OnlyRecruitingAndActive(CampaignStatus status, bool expected)
    {
        Assert.Equal(expected, CampaignLifecycle.AcceptsConsumption(status));
    }
}
