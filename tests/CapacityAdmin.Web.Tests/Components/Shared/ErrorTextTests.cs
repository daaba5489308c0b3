using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Components.Shared;

namespace CapacityAdmin.Web.Tests.Components.Shared;

public sealed class ErrorTextTests
{
    [Fact]
    public void Describe_ValidationError_UsesLabelsNotFieldNames()
    {
        var error = DomainError.Validation("bad", new Dictionary<string, string[]> { ["committedSeats"] = ["committedSeats must be 0 or more."] });

        var text = ErrorText.Describe(error);

        Assert.Equal("Some values need correcting. Committed seats: Committed seats must be 0 or more.", text);
        Assert.DoesNotContain("committedSeats", text);
    }

    [Fact]
    public void Describe_DetailWithExceptionDecoration_DropsIt()
    {
        var error = DomainError.Conflict(ErrorCodes.InvalidTransition, "Cannot move from Closed to Active. (Parameter 'to')");

        Assert.Equal("Cannot move from Closed to Active.", ErrorText.Describe(error));
    }

    [Theory]
    [InlineData("targetBeneficiaries", "Target beneficiaries")]
    [InlineData("bundleShare", "Bundle share")]
    [InlineData("reason", "Reason")]
    public void Label_FieldName_IsWords(string field, string label) => Assert.Equal(label, ErrorText.Label(field));

    [Fact]
    public void ForCode_CapacityExceeded_ExplainsTheHardLimit() =>
        Assert.Contains("hard limit", ErrorText.ForCode(ErrorCodes.CapacityExceeded));
}
