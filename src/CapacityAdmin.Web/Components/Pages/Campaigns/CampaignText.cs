using System.Globalization;
using CapacityAdmin.Domain.Campaigns;

namespace CapacityAdmin.Web.Components.Pages.Campaigns;

/// <summary>Human names of campaign codes for the campaign and bundle pages ("IaaS", not "Iaas"; "Completed", not "completed").</summary>
public static class CampaignText
{
    public static readonly IReadOnlyList<PricingModel> Models = Enum.GetValues<PricingModel>();
    public static readonly IReadOnlyList<CampaignStatus> Statuses = Enum.GetValues<CampaignStatus>();
    public static readonly IReadOnlyList<CapacityBand> Bands = Enum.GetValues<CapacityBand>();

    public static string Name(PricingModel model) => model switch
    {
        PricingModel.Seats => "Seats",
        PricingModel.Credits => "Credits",
        PricingModel.Iaas => "IaaS (learners)",
        PricingModel.Bundle => "Bundle",
        _ => "Custom",
    };

    public static string Name(CampaignStatus status) => status.ToString();

    public static string Name(CapacityBand band) => band switch
    {
        CapacityBand.Near => "Near capacity (80–99 %)",
        CapacityBand.At => "At capacity (100 %)",
        CapacityBand.Overage => "Overage (above 100 %)",
        _ => "Normal (below 80 %)",
    };

    /// <summary>The verb on a status button: "Move to completed".</summary>
    public static string MoveTo(CampaignStatus status) => $"Move to {status.ToString().ToLowerInvariant()}";

    /// <summary>Completed and closed campaigns take no capacity changes in the UI (issue #8): their numbers are history.</summary>
    public static bool IsReadOnly(CampaignStatus status) => status is CampaignStatus.Completed or CampaignStatus.Closed;

    public static string When(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";

    /// <summary>Parses a query-string value into an enum, ignoring case; anything else is "no filter".</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public static string? Query<T>(T? value) where T : struct, Enum => value?.ToString().ToLowerInvariant();
}
