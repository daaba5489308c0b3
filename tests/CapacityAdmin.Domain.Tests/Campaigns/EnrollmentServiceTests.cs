using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Campaigns;

public class EnrollmentServiceTests : SqliteTest
{
    [Fact]
    public async Task EnrollVolunteer_WithRoom_CountsOnePlace()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);

        // Act
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, "vol-1"));

        // Assert
        Assert.True(result.Allowed);
        Assert.False(result.Existing);
        Assert.Equal(0.1m, result.NewUtilization);
        Assert.Equal(CapacityBand.Normal, result.Band);
        Assert.Equal("vol-1", result.Enrollment!.ExternalId);
        Assert.Equal(1, (await StatusAsync(campaign.CampaignId)).Seats!.Used);
    }

    [Fact]
    public async Task EnrollVolunteer_AlreadyEnrolled_ReturnsExistingAndCountsNothing()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);
        var first = Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "vol-1"));
        Clock.Advance(TimeSpan.FromMinutes(5));

        // Act
        var second = Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "  vol-1 "));

        // Assert
        Assert.True(second.Allowed);
        Assert.True(second.Existing);
        Assert.Equal(first.Enrollment!.EnrolledAt, second.Enrollment!.EnrolledAt);
        Assert.Equal(1, (await StatusAsync(campaign.CampaignId)).Volunteers.Current);
    }

    [Fact]
    public async Task EnrollVolunteer_AlreadyEnrolledWhenFull_ReturnsExistingNotRefusal()
    {
        // Arrange: 1 seat, no overage, full.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 1, overage: 0);
        await EnrollVolunteersAsync(campaign.CampaignId, 1);

        // Act
        var again = Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v-0"));

        // Assert
        Assert.True(again.Existing);
        Assert.True(again.Allowed);
    }

    [Fact]
    public async Task EnrollVolunteer_ReachingExactly100Percent_IsAllowedAtCapacity()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);
        await EnrollVolunteersAsync(campaign.CampaignId, 9);

        // Act
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "last"));

        // Assert
        Assert.True(result.Allowed);
        Assert.Equal(1m, result.NewUtilization);
        Assert.Equal(CapacityBand.At, result.Band);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task EnrollVolunteer_InOverageBand_IsAllowedWithWarning()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);
        await EnrollVolunteersAsync(campaign.CampaignId, 10);

        // Act
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "over"));

        // Assert
        Assert.True(result.Allowed);
        Assert.Equal(CapacityBand.Overage, result.Band);
        Assert.Equal(1.1m, result.NewUtilization);
        Assert.Contains("110%", result.Reason);
    }

    [Fact]
    public async Task EnrollVolunteer_AtHardLimit_IsRefusedWithCapacityExceeded()
    {
        // Arrange: 10 seats + 10 % = 11 places.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);
        await EnrollVolunteersAsync(campaign.CampaignId, 11);

        // Act
        var result = Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "one-too-many"), ErrorCodes.CapacityExceeded);

        // Assert
        Assert.Contains("110%", result.Reason);
        Assert.Equal(1.2m, result.NewUtilization);
        Assert.Equal(11, (await StatusAsync(campaign.CampaignId)).Seats!.Used);
        var error = result.ToError();
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(1.2m, error.Extensions!["newUtilization"]);
    }

    [Fact]
    public async Task EnrollVolunteer_LimitZero_IsRefused()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 0);

        // Act / Assert
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v"), ErrorCodes.CapacityExceeded);
        Assert.Equal(0m, (await StatusAsync(campaign.CampaignId)).OverallUtilization);
    }

    [Theory]
    [InlineData(CampaignStatus.Draft)]
    [InlineData(CampaignStatus.Planned)]
    [InlineData(CampaignStatus.Paused)]
    [InlineData(CampaignStatus.Completed)]
    [InlineData(CampaignStatus.Closed)]
    public async Task EnrollVolunteer_CampaignNotRecruitingOrActive_IsRefusedNotAccepting(CampaignStatus status)
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10, status: status);

        // Act / Assert
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v"), ErrorCodes.CampaignNotAccepting);
        Assert.Equal(0, (await StatusAsync(campaign.CampaignId)).Seats!.Used);
    }

    [Fact]
    public async Task EnrollVolunteer_RecruitingCampaign_IsAllowed()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10, status: CampaignStatus.Recruiting);

        Assert.True(Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v")).Allowed);
    }

    [Fact]
    public async Task EnrollVolunteer_UnknownCampaign_IsCampaignNotFoundError()
    {
        Fails(await Enrollments.EnrollVolunteerAsync(Admin, Guid.NewGuid(), "v"), ErrorCodes.CampaignNotFound);
    }

    [Theory]
    [InlineData(PricingModel.Credits)]
    [InlineData(PricingModel.Iaas)]
    [InlineData(PricingModel.Custom)]
    public async Task EnrollVolunteer_NonSeatModels_UseTheVolunteerTarget(PricingModel model)
    {
        // Arrange: target 2 volunteers, 10 % overage -> hard limit floor(2.2) = 2.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, model, targetVolunteers: 2);
        await EnrollVolunteersAsync(campaign.CampaignId, 2);

        // Act / Assert
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "third"), ErrorCodes.CapacityExceeded);
        Assert.Equal(2, (await StatusAsync(campaign.CampaignId)).Volunteers.Current);
    }

    [Fact]
    public async Task EnrollVolunteer_EmptyId_IsValidationError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        var error = Fails(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "  "), ErrorCodes.ValidationFailed);

        Assert.Contains("volunteerId", error.Errors!.Keys);
    }

    [Fact]
    public async Task EnrollVolunteer_SalesActor_IsForbidden()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await Enrollments.EnrollVolunteerAsync(Sales, campaign.CampaignId, "v"), ErrorCodes.Forbidden);
        Assert.Equal(0, (await StatusAsync(campaign.CampaignId)).Volunteers.Current);
    }

    [Fact]
    public async Task EnrollVolunteer_CompanyAdmin_IsForbidden()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await Enrollments.EnrollVolunteerAsync(CompanyAdminOf(company), campaign.CampaignId, "v"), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task EnrollVolunteer_IntegrationKeyOfAnotherCompany_SeesCampaignNotFound()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        // Act / Assert
        Fails(await Enrollments.EnrollVolunteerAsync(IntegrationOf(other), campaign.CampaignId, "v"), ErrorCodes.CampaignNotFound);
        Assert.True(Ok(await Enrollments.EnrollVolunteerAsync(IntegrationOf(company), campaign.CampaignId, "v")).Allowed);
    }

    [Fact]
    public async Task ReleaseVolunteer_Enrolled_FreesThePlace()
    {
        // Arrange: full at the hard limit.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 2, overage: 0);
        await EnrollVolunteersAsync(campaign.CampaignId, 2);
        Clock.Advance(TimeSpan.FromHours(1));

        // Act
        var released = Ok(await Enrollments.ReleaseVolunteerAsync(Integration, campaign.CampaignId, "v-0"));

        // Assert
        Assert.True(released.Allowed);
        Assert.Equal(0.5m, released.NewUtilization);
        Assert.Equal(EnrollmentStatus.Released, released.Enrollment!.Status);
        Assert.Equal(Clock.GetUtcNow(), released.Enrollment.ReleasedAt);
        Assert.True(Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "new")).Allowed);
    }

    [Fact]
    public async Task ReleaseVolunteer_ThenEnrollAgain_CreatesNewEnrollment()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 5);
        await EnrollVolunteersAsync(campaign.CampaignId, 1);
        Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "v-0"));

        var again = Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v-0"));

        Assert.False(again.Existing);
        Assert.Equal(1, (await StatusAsync(campaign.CampaignId)).Seats!.Used);
        var history = Ok(await Queries.ListVolunteerEnrollmentsAsync(Admin, campaign.CampaignId));
        Assert.Equal(2, history.Total);
    }

    [Fact]
    public async Task ReleaseVolunteer_NotEnrolled_IsEnrollmentNotFoundError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);
        await EnrollVolunteersAsync(campaign.CampaignId, 1);

        var result = Fails(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "nobody"), ErrorCodes.EnrollmentNotFound);

        Assert.Equal(ErrorKind.NotFound, result.Kind);
        Assert.Equal(1, (await StatusAsync(campaign.CampaignId)).Volunteers.Current);
    }

    [Fact]
    public async Task ReleaseVolunteer_Twice_SecondIsEnrollmentNotFound()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);
        await EnrollVolunteersAsync(campaign.CampaignId, 1);
        Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "v-0"));

        Fails(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "v-0"), ErrorCodes.EnrollmentNotFound);
        Assert.Equal(0, (await StatusAsync(campaign.CampaignId)).Volunteers.Current);
    }

    [Fact]
    public async Task ReleaseVolunteer_PausedCampaign_IsAllowed()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);
        await EnrollVolunteersAsync(campaign.CampaignId, 1);
        Ok(await CampaignService.ChangeStatusAsync(Admin, campaign.CampaignId, CampaignStatus.Paused));

        Assert.True(Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "v-0")).Allowed);
    }

    [Fact]
    public async Task EnrollLearner_IaasCampaign_CountsLearners()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 4);

        var result = Ok(await Enrollments.EnrollLearnerAsync(Integration, campaign.CampaignId, "learner-1"));

        Assert.True(result.Allowed);
        Assert.Equal(0.25m, result.NewUtilization);
        var status = await StatusAsync(campaign.CampaignId);
        Assert.Equal(1, status.Iaas!.LearnersServed);
        Assert.Equal(3, status.Iaas.Remaining);
    }

    [Theory]
    [InlineData(PricingModel.Seats)]
    [InlineData(PricingModel.Credits)]
    [InlineData(PricingModel.Bundle)]
    [InlineData(PricingModel.Custom)]
    public async Task EnrollLearner_NonIaasCampaign_IsPricingModelMismatchError(PricingModel model)
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, model);

        var result = Fails(await Enrollments.EnrollLearnerAsync(Admin, campaign.CampaignId, "l"), ErrorCodes.PricingModelMismatch);

        Assert.Equal(ErrorKind.Unprocessable, result.Kind);
    }

    [Fact]
    public async Task EnrollLearner_AboveHardLimit_IsRefused()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 10);
        await EnrollLearnersAsync(campaign.CampaignId, 11);

        Refused(await Enrollments.EnrollLearnerAsync(Admin, campaign.CampaignId, "l-x"), ErrorCodes.CapacityExceeded);
        Assert.Equal(11, (await StatusAsync(campaign.CampaignId)).Iaas!.LearnersServed);
    }

    [Fact]
    public async Task EnrollLearner_AlreadyEnrolled_ReturnsExisting()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 10);
        await EnrollLearnersAsync(campaign.CampaignId, 1);

        var again = Ok(await Enrollments.EnrollLearnerAsync(Admin, campaign.CampaignId, "l-0"));

        Assert.True(again.Existing);
        Assert.Equal(1, (await StatusAsync(campaign.CampaignId)).Iaas!.LearnersServed);
    }

    [Fact]
    public async Task ReleaseLearner_Enrolled_FreesThePlace()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 10);
        await EnrollLearnersAsync(campaign.CampaignId, 2);

        var result = Ok(await Enrollments.ReleaseLearnerAsync(Admin, campaign.CampaignId, "l-1"));

        Assert.Equal(0.1m, result.NewUtilization);
        Assert.Equal(1, (await StatusAsync(campaign.CampaignId)).Iaas!.LearnersServed);
    }

    [Fact]
    public async Task ReleaseLearner_NotEnrolled_IsEnrollmentNotFoundError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 10);

        Fails(await Enrollments.ReleaseLearnerAsync(Admin, campaign.CampaignId, "ghost"), ErrorCodes.EnrollmentNotFound);
    }

    [Fact]
    public async Task BulkEnroll_MixedItems_ReportsEachInOrder()
    {
        // Arrange: 3 seats, no overage; "a" already enrolled.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 3, overage: 0);
        Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "a"));

        // Act
        var result = Ok(await Enrollments.BulkEnrollVolunteersAsync(Integration, campaign.CampaignId, ["a", "b", "c", "b", "d"]));

        // Assert
        Assert.Equal(["a", "b", "c", "b", "d"], result.Results.Select(r => r.VolunteerId));
        Assert.Equal([true, true, true, true, false], result.Results.Select(r => r.Allowed));
        Assert.Equal([true, false, false, true, false], result.Results.Select(r => r.Existing));
        Assert.Equal(ErrorCodes.CapacityExceeded, result.Results[4].Code);
        Assert.Equal((2, 2, 1), (result.Accepted, result.Existing, result.Refused));
        Assert.Equal(3, (await StatusAsync(campaign.CampaignId)).Seats!.Used);
        Assert.Equal(3m, result.Pools[0].Used);
    }

    [Fact]
    public async Task BulkEnroll_UnknownCampaign_IsNotFound()
    {
        Fails(await Enrollments.BulkEnrollVolunteersAsync(Admin, Guid.NewGuid(), ["a"]), ErrorCodes.CampaignNotFound);
    }

    [Fact]
    public async Task BulkEnroll_EmptyOrTooMany_IsValidationError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign.CampaignId, []), ErrorCodes.ValidationFailed);
        var tooMany = Enumerable.Range(0, EnrollmentService.MaxBulkItems + 1).Select(i => (string?)$"v{i}").ToList();
        Fails(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign.CampaignId, tooMany), ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task BulkEnroll_PausedCampaign_RefusesEveryItem()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, status: CampaignStatus.Paused);

        var result = Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign.CampaignId, ["a", "b"]));

        Assert.All(result.Results, r => Assert.Equal(ErrorCodes.CampaignNotAccepting, r.Code));
        Assert.Equal(2, result.Refused);
    }

    [Fact]
    public async Task BulkEnroll_SalesActor_IsForbidden()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await Enrollments.BulkEnrollVolunteersAsync(Sales, campaign.CampaignId, ["a"]), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task EnrollVolunteer_Result_CarriesPoolUsageForAlerts()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 4);

        var result = Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v"));

        var pool = Assert.Single(result.Pools);
        Assert.Equal(PoolType.Campaign, pool.PoolType);
        Assert.Equal(campaign.CampaignId, pool.PoolId);
        Assert.Equal(company, pool.CompanyId);
        Assert.Equal((1m, 4m, 4m), (pool.Used, pool.Limit, pool.HardLimit));
    }

    [Fact]
    public async Task EnrollVolunteer_DatabaseRows_MatchCounter()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 5);
        await EnrollVolunteersAsync(campaign.CampaignId, 3);
        Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "v-1"));

        await using var db = Database.CreateDbContext();
        var active = await db.VolunteerEnrollments.CountAsync(e => e.CampaignId == campaign.CampaignId && e.Status == EnrollmentStatus.Enrolled);
        var counter = await db.Campaigns.Where(c => c.Id == campaign.CampaignId).Select(c => c.VolunteersEnrolled).SingleAsync();

        Assert.Equal(2, active);
        Assert.Equal(2, counter);
    }
}
