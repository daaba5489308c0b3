using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Domain.Tests.Audit;

/// <summary>Both audit tables are one record shape; every subject reads back as its type and id.</summary>
public sealed class AuditRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CampaignAndBundleRows_ToView_NameTheirSubject()
    {
        var company = Guid.NewGuid();
        var campaign = Guid.NewGuid();
        var bundle = Guid.NewGuid();

        var forCampaign = CapacityChange.ForCampaign(company, campaign, "committedSeats", "10", "12", "growth", "cs@test", At).ToView();
        var forBundle = CapacityChange.ForBundle(company, bundle, "capacity", "50", "40", "cut", "cs@test", At).ToView();

        Assert.Equal((new AuditSubject(AuditSubjectType.Campaign, campaign.ToString()), "committedSeats", "10", "12", "growth", "cs@test", At),
            (forCampaign.Subject, forCampaign.Field, forCampaign.OldValue, forCampaign.NewValue, forCampaign.Reason, forCampaign.ChangedBy, forCampaign.ChangedAt));
        Assert.Equal(new AuditSubject(AuditSubjectType.Bundle, bundle.ToString()), forBundle.Subject);
    }

    [Theory]
    [InlineData("DESIGNATION:PRES", AuditSubjectType.Designation, "PRES", "PRES", null, null, null)]
    [InlineData("DESIGNATION:PRES:STATE", AuditSubjectType.Override, "PRES:STATE", "PRES", null, Level.STATE, null)]
    [InlineData("LEVEL_CAPACITY:GB|ZONE|SOUTH", AuditSubjectType.LevelCapacity, "GB|ZONE|SOUTH", null, "GB", Level.ZONE, "SOUTH")]
    [InlineData("LEVEL_CAPACITY:GB|NATIONAL|", AuditSubjectType.LevelCapacity, "GB|NATIONAL|", null, "GB", Level.NATIONAL, "")]
    [InlineData("MEMBERSHIP:42", AuditSubjectType.Membership, "42", null, null, null, null)]
    public void MembershipRows_ToView_TakeTheSubjectApart(string key, AuditSubjectType type, string id, string? designation, string? cell, Level? level, string? unit)
    {
        var view = new MembershipCapacityChange(key, "capacity", "1", "2", "r", "cs@test", At).ToView();

        Assert.Equal(new AuditSubject(type, id) { Designation = designation, Cell = cell, Level = level, Unit = unit }, view.Subject);
    }
}
