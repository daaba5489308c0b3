using System.Text.Json;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Domain.Tests.Naming;

public sealed class WireNamesTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { WireNames.JsonConverter() } };

    public static TheoryData<Type> DomainEnums() =>
        new(typeof(WireNames).Assembly.GetTypes().Where(t => t is { IsEnum: true, IsPublic: true }));

    [Theory]
    [MemberData(nameof(DomainEnums))]
    public void EveryDomainEnum_JsonAndWireNames_SpellEachMemberAlikeAndReadItBack(Type type)
    {
        foreach (var value in Enum.GetValues(type))
        {
            var name = (string)typeof(WireNames).GetMethod(nameof(WireNames.Of))!.MakeGenericMethod(type).Invoke(null, [value])!;
            Assert.Equal(JsonSerializer.Serialize(name), JsonSerializer.Serialize(value, type, Json));
            Assert.Equal(value, JsonSerializer.Deserialize($"\"{name}\"", type, Json));
            var parse = typeof(WireNames).GetMethod(nameof(WireNames.TryParse))!.MakeGenericMethod(type);
            object?[] args = [name, null];
            Assert.True((bool)parse.Invoke(null, args)!, $"{type.Name}.{value} is not read back from '{name}'.");
            Assert.Equal(value, args[1]);
        }
    }

    [Fact]
    public void Of_ContractSpellings_AreKept()
    {
        Assert.Equal("PENDING_PAYMENT", WireNames.Of(MembershipStatus.PENDING_PAYMENT));
        Assert.Equal("NOT_REQUIRED", WireNames.Of(PaymentStatus.NOT_REQUIRED));
        Assert.Equal("NATIONAL", WireNames.Of(Level.NATIONAL));
        Assert.Equal("levelCapacity", WireNames.Of(PoolType.LevelCapacity));
        Assert.Equal("cs", WireNames.Of(AlertRecipients.CustomerSuccess));
        Assert.Equal("company_admin", WireNames.Of(AlertRecipients.CompanyAdmin));
        Assert.Equal("upsell_opportunity", WireNames.Of(AlertAction.UpsellOpportunity));
        Assert.Equal("no_address", WireNames.Of(DeliveryState.NoAddress));
        Assert.Equal("capacity_request", WireNames.Of(AlertKind.CapacityRequest));
    }

    [Theory]
    [InlineData("pending_payment")]
    [InlineData("PENDING_PAYMENT")]
    [InlineData(" PendingPayment ")]
    public void TryParse_CaseAndUnderscores_AreIgnored(string text)
    {
        Assert.True(WireNames.TryParse<MembershipStatus>(text, out var status));
        Assert.Equal(MembershipStatus.PENDING_PAYMENT, status);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("pending payment")]
    public void Parse_NumbersAndUnknownNames_AreA400NamingTheFieldAndTheNames(string text)
    {
        var result = WireNames.ParseRequired<Zone>(text, "zone");

        Assert.False(result.IsSuccess);
        Assert.Equal((ErrorCodes.ValidationFailed, $"'{text}' is not a valid zone; use one of NORTH, SOUTH, EAST, WEST, CENTRAL."),
            (result.Error!.Code, result.Error.Detail));
    }

    [Fact]
    public void Parse_Blank_IsNoFilter()
    {
        Assert.Null(Assert.IsType<Result<CampaignStatus?>>(WireNames.Parse<CampaignStatus>("  ", "status")).Value);
    }
}
