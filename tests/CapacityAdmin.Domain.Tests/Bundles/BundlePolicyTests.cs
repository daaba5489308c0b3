using CapacityAdmin.Domain.Bundles;

namespace CapacityAdmin.Domain.Tests.Bundles;

public class BundlePolicyTests
{
    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(500, "0.5", 250)]
    [InlineData(500, "0.333", 166)]   // 166.5 floors
    [InlineData(7, "0.5", 3)]
    [InlineData(100, "1", 100)]
    public void Quota_FloorsCapacityTimesShare(int capacity, string share, int expected)
    {
        Assert.Equal(expected, BundlePolicy.Quota(capacity, D(share)));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0.999", true)]
    [InlineData("1.001", true)]
    [InlineData("0.9989", false)]
    [InlineData("1.0011", false)]
    public void IsSplitValid_WithinOneThousandth(string total, bool expected)
    {
        Assert.Equal(expected, BundlePolicy.IsSplitValid(D(total)));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.000001", true)]
    [InlineData("1", true)]
    [InlineData("1.01", false)]
    [InlineData("0.1234567", false)]
    public void IsValidShare_BetweenZeroExclusiveAndOne(string share, bool expected)
    {
        Assert.Equal(expected, BundlePolicy.IsValidShare(D(share)));
    }

    [Fact]
    public void SplitErrors_SharesShortOfWhole_NamesTheGap()
    {
        var errors = BundlePolicy.SplitErrors([D("0.5"), D("0.4")]);

        var error = Assert.Single(errors);
        Assert.Contains("90%", error);
        Assert.Contains("10%", error);
    }

    [Fact]
    public void SplitErrors_NoCampaign_IsInvalid()
    {
        Assert.Single(BundlePolicy.SplitErrors([]));
    }

    [Fact]
    public void SplitErrors_ThirdsRoundedToThreePlaces_AreValid()
    {
        Assert.Empty(BundlePolicy.SplitErrors([D("0.333"), D("0.333"), D("0.333")]));
    }

    [Fact]
    public void ExceedsWhole_AboveOne_IsTrue()
    {
        Assert.True(BundlePolicy.ExceedsWhole(D("1.0001")));
        Assert.False(BundlePolicy.ExceedsWhole(1m));
    }
}
