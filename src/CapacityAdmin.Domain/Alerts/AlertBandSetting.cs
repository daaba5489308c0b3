namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// One threshold band (product.md §3 table), editable by an Administrator through
/// <see cref="AlertSettingsService"/>. The four thresholds are fixed; everything else is a setting.
/// The "110%" band is the hard-limit band: it is reached when usage reaches the pool's own hard
/// limit (limit x (1 + overage), the capacity itself for bundles and level caps), so its
/// <see cref="MinUtilizationPercent"/> is symbolic and always 110.
/// </summary>
public class AlertBandSetting
{
    public const string Near = "80%";
    public const string High = "90%";
    public const string Full = "100%";
    public const string HardLimitThreshold = "110%";
    public const decimal HardLimitPercent = 110m;

    /// <summary>Lowest to highest; the position is the band's rank ("the highest band reached").</summary>
    public static readonly IReadOnlyList<string> Thresholds = [Near, High, Full, HardLimitThreshold];

    private AlertBandSetting() { }

    internal AlertBandSetting(string threshold, decimal minUtilizationPercent, AlertSeverity severity, AlertRecipients recipients,
        AlertAction action, TimeSpan repeatWindow)
    {
        Threshold = threshold;
        Rank = RankOf(threshold);
        Apply(minUtilizationPercent, severity, recipients, action, repeatWindow);
    }

    public string Threshold { get; private set; } = "";
    public int Rank { get; private set; }
    public decimal MinUtilizationPercent { get; private set; }
    public AlertSeverity Severity { get; private set; }
    public AlertRecipients Recipients { get; private set; }
    public AlertAction Action { get; private set; }

    /// <summary>Whole seconds: portable across the three providers.</summary>
    public int RepeatWindowSeconds { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    public TimeSpan RepeatWindow => TimeSpan.FromSeconds(RepeatWindowSeconds);

    public bool IsHardLimit => Threshold == HardLimitThreshold;

    /// <summary>The product table: 80 % info to Sales every 24 h, ... hard limit critical to company admins and CS every hour.</summary>
    public static IReadOnlyList<AlertBandSetting> Defaults() =>
    [
        new(Near, 80m, AlertSeverity.Info, AlertRecipients.Sales, AlertAction.UpsellOpportunity, TimeSpan.FromHours(24)),
        new(High, 90m, AlertSeverity.Warning, AlertRecipients.CompanyAdmin, AlertAction.RecommendExpansion, TimeSpan.FromHours(12)),
        new(Full, 100m, AlertSeverity.Error, AlertRecipients.CompanyAdmin | AlertRecipients.CustomerSuccess, AlertAction.RecommendExpansion,
            TimeSpan.FromHours(6)),
        new(HardLimitThreshold, HardLimitPercent, AlertSeverity.Critical, AlertRecipients.CompanyAdmin | AlertRecipients.CustomerSuccess,
            AlertAction.BlockEnrollments, TimeSpan.FromHours(1)),
    ];

    public static int RankOf(string threshold)
    {
        for (var i = 0; i < Thresholds.Count; i++)
            if (Thresholds[i] == threshold) return i + 1;
        throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Unknown alert threshold.");
    }

    /// <summary>Applies values validated by <see cref="AlertSettingsService"/>.</summary>
    internal void Update(decimal minUtilizationPercent, AlertSeverity severity, AlertRecipients recipients, AlertAction action, TimeSpan repeatWindow,
        string updatedBy, DateTimeOffset updatedAt)
    {
        Apply(minUtilizationPercent, severity, recipients, action, repeatWindow);
        UpdatedBy = updatedBy;
        UpdatedAt = updatedAt;
    }

    public AlertBand ToBand() => new(Threshold, Rank, MinUtilizationPercent, IsHardLimit, Severity, Recipients, Action, RepeatWindow);

    private void Apply(decimal minUtilizationPercent, AlertSeverity severity, AlertRecipients recipients, AlertAction action, TimeSpan repeatWindow)
    {
        MinUtilizationPercent = IsHardLimit ? HardLimitPercent : minUtilizationPercent;
        Severity = severity;
        Recipients = recipients;
        Action = action;
        RepeatWindowSeconds = (int)Math.Round(repeatWindow.TotalSeconds);
    }
}

/// <summary>A band as read for one evaluation (a changed setting applies to the next evaluation).</summary>
public sealed record AlertBand(string Threshold, int Rank, decimal MinUtilizationPercent, bool IsHardLimit, AlertSeverity Severity,
    AlertRecipients Recipients, AlertAction Action, TimeSpan RepeatWindow);
