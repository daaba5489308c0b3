using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Domain.Tests.Alerts;

public class AlertPolicyTests
{
    private static readonly IReadOnlyList<AlertBand> Bands = AlertBandSetting.Defaults().Select(s => s.ToBand()).ToList();

    [Theory]
    [InlineData(0, null)]
    [InlineData(79, null)]
    [InlineData(80, "80%")]
    [InlineData(89, "80%")]
    [InlineData(90, "90%")]
    [InlineData(99, "90%")]
    [InlineData(100, "100%")]
    [InlineData(109, "100%")]
    [InlineData(110, "110%")]
    [InlineData(150, "110%")]
    public void HighestBand_PlacesOfHundredWithHardLimit110_IsTheHighestReached(int used, string? expected)
    {
        // Act
        var band = AlertPolicy.HighestBand(used, 100, 110, Bands);

        // Assert
        Assert.Equal(expected, band?.Threshold);
    }

    [Theory]
    [InlineData("79.99", null)]
    [InlineData("80.00", "80%")]
    [InlineData("89.99", "80%")]
    [InlineData("90.00", "90%")]
    [InlineData("99.99", "90%")]
    [InlineData("100.00", "100%")]
    [InlineData("109.99", "100%")]
    [InlineData("110.00", "110%")]
    public void HighestBand_CreditsWithCents_ComparesExactly(string used, string? expected)
    {
        // Act
        var band = AlertPolicy.HighestBand(decimal.Parse(used, System.Globalization.CultureInfo.InvariantCulture), 100m, 110m, Bands);

        // Assert
        Assert.Equal(expected, band?.Threshold);
    }

    [Fact]
    public void HighestBand_HardLimitEqualsLimit_FullPoolIsCritical()
    {
        // Arrange: a bundle, a level cap or a campaign without overage: blocked at 100 %.
        // Act
        var band = AlertPolicy.HighestBand(10, 10, 10, Bands);

        // Assert
        Assert.Equal(AlertBandSetting.HardLimitThreshold, band!.Threshold);
        Assert.Equal(AlertSeverity.Critical, band.Severity);
    }

    [Fact]
    public void HighestBand_FlooredHardLimit_CriticalAtTheRealHardLimit()
    {
        // Arrange: 5 seats + 10 % = floor(5.5) = 5 places: the fifth place is the last one.
        // Act
        var atFour = AlertPolicy.HighestBand(4, 5, 5, Bands);
        var atFive = AlertPolicy.HighestBand(5, 5, 5, Bands);

        // Assert
        Assert.Equal("80%", atFour!.Threshold);
        Assert.Equal("110%", atFive!.Threshold);
    }

    [Fact]
    public void HighestBand_LargerOverage_CriticalOnlyAtThatHardLimit()
    {
        // Arrange: 50 % overage: hard limit 150.
        // Act
        var at120 = AlertPolicy.HighestBand(120, 100, 150, Bands);
        var at150 = AlertPolicy.HighestBand(150, 100, 150, Bands);

        // Assert
        Assert.Equal("100%", at120!.Threshold);
        Assert.Equal("110%", at150!.Threshold);
    }

    [Fact]
    public void HighestBand_ZeroLimit_QuietWhileUnusedAndCriticalWithUsage()
    {
        Assert.Null(AlertPolicy.HighestBand(0, 0, 0, Bands));
        Assert.Equal("110%", AlertPolicy.HighestBand(1, 0, 0, Bands)!.Threshold);
    }

    [Fact]
    public void Reached_FractionalThreshold_UsesCrossMultiplicationNotRoundedRatio()
    {
        // Arrange: 2 of 3 is 66.666...%; a band at 66.67 % is not reached, one at 66.66 % is.
        var band = Bands[0] with { MinUtilizationPercent = 66.67m };

        // Act / Assert
        Assert.False(AlertPolicy.Reached(2, 3, 3, band));
        Assert.True(AlertPolicy.Reached(2, 3, 3, band with { MinUtilizationPercent = 66.66m }));
    }

    [Fact]
    public void HighestBand_BandsInAnyOrder_ReturnsHighestRank()
    {
        // Act
        var band = AlertPolicy.HighestBand(100, 100, 110, Bands.Reverse().ToList());

        // Assert
        Assert.Equal("100%", band!.Threshold);
    }

    [Theory]
    [InlineData(1, 3, "33.33")]
    [InlineData(2, 3, "66.67")]
    [InlineData(1, 32, "3.13")]    // 3.125: half away from zero, not to even
    [InlineData(11, 10, "110.00")]
    [InlineData(0, 0, "0")]
    public void UtilizationPercent_RoundsHalfAwayFromZeroToTwoPlaces(int used, int limit, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AlertPolicy.UtilizationPercent(used, limit));
    }

    [Theory]
    [InlineData(UpsellStatus.New, UpsellStatus.Contacted, true)]
    [InlineData(UpsellStatus.New, UpsellStatus.Dismissed, true)]
    [InlineData(UpsellStatus.New, UpsellStatus.Won, false)]
    [InlineData(UpsellStatus.New, UpsellStatus.Lost, false)]
    [InlineData(UpsellStatus.Contacted, UpsellStatus.Won, true)]
    [InlineData(UpsellStatus.Contacted, UpsellStatus.Lost, true)]
    [InlineData(UpsellStatus.Contacted, UpsellStatus.Dismissed, true)]
    [InlineData(UpsellStatus.Contacted, UpsellStatus.New, false)]
    [InlineData(UpsellStatus.Won, UpsellStatus.Lost, false)]
    [InlineData(UpsellStatus.Dismissed, UpsellStatus.Contacted, false)]
    [InlineData(UpsellStatus.Won, UpsellStatus.Won, true)]
    public void UpsellPolicy_CanMove_FollowsTheWorkflow(UpsellStatus from, UpsellStatus to, bool allowed)
    {
        Assert.Equal(allowed, UpsellPolicy.CanMove(from, to));
    }

    [Theory]
    [InlineData("80%", "80%")]
    [InlineData("80", "80%")]
    [InlineData(" 110 % ", "110%")]
    [InlineData("85%", null)]
    [InlineData("", null)]
    public void NormalizeThreshold_AcceptsTheFourBandsOnly(string input, string? expected)
    {
        Assert.Equal(expected, AlertService.NormalizeThreshold(input));
    }

    [Fact]
    public void Backoff_DoublesFromThirtySecondsAndIsCapped()
    {
        var options = new AlertOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromMinutes(3) };

        Assert.Equal(TimeSpan.FromSeconds(30), AlertDispatchService.Backoff(1, options));
        Assert.Equal(TimeSpan.FromSeconds(60), AlertDispatchService.Backoff(2, options));
        Assert.Equal(TimeSpan.FromSeconds(120), AlertDispatchService.Backoff(3, options));
        Assert.Equal(TimeSpan.FromMinutes(3), AlertDispatchService.Backoff(4, options));
        Assert.Equal(TimeSpan.FromMinutes(3), AlertDispatchService.Backoff(60, options));
    }

    [Fact]
    public void CsvTable_FieldsWithCommasQuotesAndFormulas_AreEscaped()
    {
        object?[] values = ["a, b", "say \"hi\"", "=SUM(A1)", "-cmd", -12.5m, null];

        var lines = CsvTable.Write(["h"], values.Select(v => (IReadOnlyList<object?>)[v])).Split("\r\n");

        Assert.Equal(["h", "\"a, b\"", "\"say \"\"hi\"\"\"", "\"'=SUM(A1)\"", "\"'-cmd\"", "-12.5", "\"\"", ""], lines);
    }

    [Fact]
    public void Options_Defaults_AreValidAndBadValuesAreNamed()
    {
        Assert.Empty(new AlertOptions().Validate());
        var errors = new AlertOptions { SalesMailbox = "not an address", MaxAttempts = 0 }.Validate();
        Assert.Contains(errors, e => e.Contains("SalesMailbox", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MaxAttempts", StringComparison.Ordinal));
    }
}
