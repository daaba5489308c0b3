using CapacityAdmin.Domain.Campaigns;

namespace CapacityAdmin.Domain.Tests.Campaigns;

public class CapacityPolicyTests
{
    [Theory]
    [InlineData(100, 10, 110)]
    [InlineData(50, 10, 55)]
    [InlineData(5, 10, 5)]      // 5.5 rounds down: no overage place
    [InlineData(19, 10, 20)]    // 20.9 -> 20
    [InlineData(100, 0, 100)]
    [InlineData(0, 10, 0)]
    [InlineData(10000, 12.5, 11250)]
    public void HardLimit_FloorsLimitTimesOnePlusAllowance(long limit, decimal overage, long expected)
    {
        // Arrange / Act
        var hard = CapacityPolicy.HardLimit(limit, overage);

        // Assert
        Assert.Equal(expected, hard);
    }

    [Fact]
    public void HardLimit_CreditsInCents_KeepsTwoDecimals()
    {
        // Arrange: 1000.05 credits with 10 % -> 1100.055, floored to the cent.
        var allocationCents = 100_005L;

        // Act
        var hard = CapacityPolicy.HardLimit(allocationCents, 10m);

        // Assert
        Assert.Equal(110_005L, hard);
    }

    [Theory]
    [InlineData(109, 1, 110, true)]   // lands exactly on the hard limit
    [InlineData(110, 1, 110, false)]  // one above
    [InlineData(99, 1, 110, true)]    // reaching exactly 100 %
    [InlineData(0, 1, 0, false)]      // limit 0 refuses everything
    [InlineData(0, 0, 110, false)]    // nothing to add
    public void Allows_ComparesUsageAfterWithHardLimit(long used, long amount, long hard, bool expected)
    {
        // Act
        var allowed = CapacityPolicy.Allows(used, amount, hard);

        // Assert
        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void Allows_CreditsWithTwoDecimals_ExactToTheCent()
    {
        // Arrange: allocation 100.00 with 10 %: hard limit 110.00 credits = 11000 cents; 109.99 used.
        var measure = new CapacityMeasure(10_999, 10_000, 11_000, 100);

        // Act / Assert
        Assert.True(measure.Allows(1));   // + 0.01 lands on 110.00
        Assert.False(measure.Allows(2));  // + 0.02 is 110.01
    }

    [Theory]
    [InlineData(0, 100, "0")]
    [InlineData(79, 100, "0.79")]
    [InlineData(80, 100, "0.8")]
    [InlineData(100, 100, "1")]
    [InlineData(110, 100, "1.1")]
    public void Utilization_IsUsedOverLimit(long used, long limit, string expected)
    {
        // Act
        var u = CapacityPolicy.Utilization(used, limit);

        // Assert
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), u);
    }

    [Fact]
    public void Utilization_LimitZeroAndNothingUsed_IsZero()
    {
        Assert.Equal(0m, CapacityPolicy.Utilization(0, 0));
    }

    [Fact]
    public void Utilization_LimitZeroWithUsage_IsMeasuredAgainstOneWholeUnit()
    {
        Assert.Equal(3m, CapacityPolicy.Utilization(3, 0));
        Assert.Equal(2.5m, CapacityPolicy.Utilization(250, 0, 100));
    }

    [Theory]
    [InlineData(0, 100, CapacityBand.Normal)]
    [InlineData(79, 100, CapacityBand.Normal)]
    [InlineData(80, 100, CapacityBand.Near)]
    [InlineData(99, 100, CapacityBand.Near)]
    [InlineData(100, 100, CapacityBand.At)]
    [InlineData(101, 100, CapacityBand.Overage)]
    [InlineData(110, 100, CapacityBand.Overage)]
    [InlineData(3, 4, CapacityBand.Normal)]   // 0.75
    [InlineData(4, 5, CapacityBand.Near)]     // exactly 0.80 by cross-multiplication
    [InlineData(0, 0, CapacityBand.Normal)]
    [InlineData(1, 0, CapacityBand.Overage)]
    public void Band_FollowsExactThresholds(long used, long limit, CapacityBand expected)
    {
        Assert.Equal(expected, CapacityPolicy.Band(used, limit));
    }

    [Theory]
    [InlineData(79, false, false, false)]
    [InlineData(80, true, false, false)]
    [InlineData(99, true, false, false)]
    [InlineData(100, false, true, false)]
    [InlineData(105, false, true, true)]
    [InlineData(110, false, true, true)]   // exactly the hard ratio is still "at"
    [InlineData(111, false, false, true)]  // beyond the hard ratio (after a lowered limit)
    public void Flags_DerivedFromExactValues(long used, bool near, bool at, bool over)
    {
        // Arrange: limit 100, hard limit 110.
        // Act
        var flags = CapacityPolicy.Flags(used, 100, 110);

        // Assert
        Assert.Equal(near, flags.IsNearCapacity);
        Assert.Equal(at, flags.IsAtCapacity);
        Assert.Equal(over, flags.IsOverCapacity);
        Assert.True(flags.AllowsOverage);
    }

    [Fact]
    public void Flags_NoOverageRoom_AllowsOverageIsFalse()
    {
        Assert.False(CapacityPolicy.Flags(0, 5, 5).AllowsOverage);
        Assert.False(CapacityPolicy.Flags(0, 0, 0).AllowsOverage);
    }

    [Fact]
    public void Flags_LimitZeroNothingUsed_AllFalse()
    {
        var flags = CapacityPolicy.Flags(0, 0, 0);

        Assert.Equal(new CapacityFlags(false, false, false, false), flags);
    }

    [Theory]
    [InlineData("0.66665", "66.67")]   // half away from zero
    [InlineData("0.12345", "12.35")]
    [InlineData("-0.00005", "-0.01")]
    [InlineData("1.1", "110")]
    [InlineData("0.333333", "33.33")]
    public void Percent_RoundsHalfAwayFromZeroToTwoPlaces(string ratio, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        var percent = CapacityPolicy.Percent(decimal.Parse(ratio, culture));

        Assert.Equal(decimal.Parse(expected, culture), percent);
    }

    [Theory]
    [InlineData(3, 10, 7)]
    [InlineData(10, 10, 0)]
    [InlineData(12, 10, 0)]
    public void PlacesAvailable_NeverBelowZero(long used, long limit, long expected)
    {
        Assert.Equal(expected, CapacityPolicy.PlacesAvailable(used, limit));
    }

    [Theory]
    [InlineData("10", "110%")]
    [InlineData("0", "100%")]
    [InlineData("12.5", "112.5%")]
    public void MaxPercentLabel_NamesTheHardRatio(string overage, string expected)
    {
        Assert.Equal(expected, CapacityPolicy.MaxPercentLabel(decimal.Parse(overage, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("10", true)]
    [InlineData("0", true)]
    [InlineData("-1", false)]
    [InlineData("10.125", false)]
    [InlineData("1001", false)]
    public void IsValidOveragePercent_ChecksRangeAndDecimals(string overage, bool expected)
    {
        Assert.Equal(expected, CapacityPolicy.IsValidOveragePercent(decimal.Parse(overage, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
