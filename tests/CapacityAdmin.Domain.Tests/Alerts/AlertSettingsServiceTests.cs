using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Alerts;

public class AlertSettingsServiceTests() : AlertTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task Get_FreshDatabase_ReturnsTheProductTable()
    {
        // Act
        var bands = Ok(await AlertSettings.GetAsync(Admin));

        // Assert
        Assert.Equal(
            [
                ("80%", 80m, AlertSeverity.Info, "sales", AlertAction.UpsellOpportunity, TimeSpan.FromHours(24), false),
                ("90%", 90m, AlertSeverity.Warning, "company_admin", AlertAction.RecommendExpansion, TimeSpan.FromHours(12), false),
                ("100%", 100m, AlertSeverity.Error, "company_admin,cs", AlertAction.RecommendExpansion, TimeSpan.FromHours(6), false),
                ("110%", 110m, AlertSeverity.Critical, "company_admin,cs", AlertAction.BlockEnrollments, TimeSpan.FromHours(1), true),
            ],
            bands.Select(b => (b.Threshold, b.MinUtilizationPercent, b.Severity, string.Join(",", b.Recipients.Select(WireNames.Of<AlertRecipients>)), b.Action,
                b.RepeatWindow, b.IsHardLimit)).ToArray());
        Ok(await AlertSettings.GetAsync(Sales));
        Fails(await AlertSettings.GetAsync(CompanyAdminOf(Guid.NewGuid())), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Update_ByAdministrator_ChangesListedBandsOnlyAndRecordsWho()
    {
        // Act
        var bands = Ok(await AlertSettings.UpdateAsync(Admin,
            [new AlertBandSettingInput("90", 85m, "error", ["company_admin", "sales"], "recommend_expansion", TimeSpan.FromHours(2))]));

        // Assert
        var changed = bands.Single(b => b.Threshold == "90%");
        Assert.Equal((85m, AlertSeverity.Error, "admin@test", Clock.GetUtcNow()), (changed.MinUtilizationPercent, changed.Severity, changed.UpdatedBy, changed.UpdatedAt));
        Assert.Equal([AlertRecipients.Sales, AlertRecipients.CompanyAdmin], changed.Recipients);
        Assert.Equal(TimeSpan.FromHours(2), changed.RepeatWindow);
        Assert.Null(bands.Single(b => b.Threshold == "80%").UpdatedAt);
        Assert.Equal(85m, Ok(await AlertSettings.GetAsync(Cs)).Single(b => b.Threshold == "90%").MinUtilizationPercent);
    }

    [Fact]
    public async Task Update_NotAdministrator_IsForbidden()
    {
        var input = new AlertBandSettingInput("80%", 80m, "info", ["sales"], "upsell_opportunity", TimeSpan.FromHours(24));

        Fails(await AlertSettings.UpdateAsync(Cs, [input]), ErrorCodes.Forbidden);
        Fails(await AlertSettings.UpdateAsync(Sales, [input]), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Update_InvalidValues_NamesEveryField()
    {
        // Act
        var error = Fails(await AlertSettings.UpdateAsync(Admin,
        [
            new AlertBandSettingInput("85%", 85m, "info", ["sales"], "upsell_opportunity", TimeSpan.FromHours(1)),
            new AlertBandSettingInput("80%", 0m, "loud", ["everyone"], "capacity_request", TimeSpan.FromSeconds(10)),
            new AlertBandSettingInput("110%", 105m, "critical", [], "block_enrollments", TimeSpan.FromHours(1)),
        ]), ErrorCodes.ValidationFailed);

        // Assert
        Assert.Equal(
            ["[0].threshold", "[1].action", "[1].minUtilizationPercent", "[1].recipients", "[1].repeatWindow", "[1].severity", "[2].minUtilizationPercent", "[2].recipients"],
            error.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Update_BandsOutOfOrder_IsRefused()
    {
        // Act: the 90 % band below the 80 % band.
        var error = Fails(await AlertSettings.UpdateAsync(Admin,
            [new AlertBandSettingInput("90%", 75m, "warning", ["company_admin"], "recommend_expansion", TimeSpan.FromHours(12))]), ErrorCodes.ValidationFailed);

        // Assert
        Assert.Contains("rise", error.Detail, StringComparison.Ordinal);
        Assert.Equal(90m, Ok(await AlertSettings.GetAsync(Admin)).Single(b => b.Threshold == "90%").MinUtilizationPercent);
    }
}
