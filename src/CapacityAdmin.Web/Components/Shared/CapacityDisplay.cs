using System.Globalization;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>One gauge of a campaign: a figure with its usage, limit and band, in whole units (places or credits).</summary>
public sealed record CapacityFigure(string Title, string Unit, decimal Used, decimal Limit, decimal Available, decimal UtilizationPercent,
    CapacityBand Band, bool IsCredits = false)
{
    public string Format(decimal value) => CapacityDisplay.Number(value, IsCredits);
}

/// <summary>
/// Display text and colours of capacity: bands, percentages (rounded half away from zero, for display only),
/// flags and the impact of a limit change. Bands always come from the domain's exact integers.
/// </summary>
public static class CapacityDisplay
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string BandLabel(CapacityBand band) => band switch
    {
        CapacityBand.Near => "near",
        CapacityBand.At => "at capacity",
        CapacityBand.Overage => "overage",
        _ => "normal",
    };

    /// <summary>Normal green, near amber, at orange, overage red.</summary>
    public static string BandColor(CapacityBand band) => band switch
    {
        CapacityBand.Near => "#f9a825",
        CapacityBand.At => "#ef6c00",
        CapacityBand.Overage => "#c62828",
        _ => "#2e7d32",
    };

    /// <summary>Text colour readable on <see cref="BandColor"/>.</summary>
    public static string BandTextColor(CapacityBand band) => band == CapacityBand.Near ? "#000" : "#fff";

    /// <summary>A percentage rounded to a whole number, half away from zero: "116 %".</summary>
    public static string Percent(decimal percent) =>
        Math.Round(percent, 0, MidpointRounding.AwayFromZero).ToString("0", Culture) + " %";

    public static string PercentOfRatio(decimal ratio) => Percent(ratio * 100m);

    public static string Number(decimal value, bool credits = false) =>
        credits ? value.ToString("#,##0.00", Culture) : value.ToString("#,##0.##", Culture);

    public static string MaxPercent(decimal overagePercent) => CapacityPolicy.MaxPercentLabel(overagePercent);

    private static string Refused(CapacityKind kind) => kind == CapacityKind.Credits ? "new credit consumption will be refused" : "new enrollments will be refused";

    /// <summary>The flags of a campaign as one sentence, or null when it is comfortably within its limit.</summary>
    public static string? FlagsText(CapacityStatus s)
    {
        var kind = CapacityKinds.Governing(s.PricingModel);
        if (s.IsOverCapacity && !s.IsAtCapacity) return $"Over capacity — above the hard limit; {Refused(kind)}";
        if (s.IsOverCapacity) return $"Over capacity — overage allowed up to {MaxPercent(s.OveragePercent)}";
        if (s.IsAtCapacity) return s.AllowsOverage ? $"At capacity — overage allowed up to {MaxPercent(s.OveragePercent)}" : "At capacity";
        if (s.IsNearCapacity) return "Near capacity";
        return null;
    }

    /// <summary>
    /// What a limit change does, in one sentence: "58 used of a new limit of 50: 116 %, above the hard limit;
    /// new enrollments will be refused".
    /// </summary>
    public static string ImpactText(LimitChangeImpact impact, decimal overagePercent)
    {
        var credits = impact.Kind == CapacityKind.Credits;
        var head = $"{Number(impact.Used, credits)} used of a new limit of {Number(impact.NewLimit, credits)}: {PercentOfRatio(impact.NewUtilization)}";
        var flags = impact.NewFlags;
        string tail;
        if (flags.IsOverCapacity && !flags.IsAtCapacity) tail = $"above the hard limit; {Refused(impact.Kind)}";
        else if (impact.RefusesNewConsumption && impact.Used > 0) tail = $"at the hard limit ({Number(impact.NewHardLimit, credits)}); {Refused(impact.Kind)}";
        else if (flags.IsOverCapacity) tail = $"in the overage band; overage allowed up to {MaxPercent(overagePercent)} ({Number(impact.NewHardLimit, credits)})";
        else if (flags.IsAtCapacity) tail = "at capacity";
        else if (flags.IsNearCapacity) tail = "near capacity";
        else if (impact.RefusesNewConsumption) tail = Refused(impact.Kind);
        else tail = "within the limit";
        return $"{head}, {tail}";
    }

    /// <summary>The gauges of a campaign: volunteers and beneficiaries, then the model's own figure.</summary>
    public static IReadOnlyList<CapacityFigure> Figures(CapacityStatus s)
    {
        var figures = new List<CapacityFigure>
        {
            Places("Volunteers", "volunteers", s.Volunteers.Current, s.Volunteers.Target, s.Volunteers.Available, s.Volunteers.UtilizationPercent),
            Places("Beneficiaries", "beneficiaries", s.Beneficiaries.Current, s.Beneficiaries.Target, s.Beneficiaries.Available,
                s.Beneficiaries.UtilizationPercent),
        };
        if (s.Seats is { } seats) figures.Add(Places("Seats", "seats", seats.Used, seats.Committed, seats.Available, seats.UtilizationPercent));
        if (s.Iaas is { } iaas)
            figures.Add(Places("Learners", "learners", iaas.LearnersServed, iaas.LearnersCommitted, iaas.Remaining, iaas.UtilizationPercent));
        if (s.Bundle is { } bundle) figures.Add(Places("Bundle quota", "places", bundle.Used, bundle.Quota, bundle.Available, bundle.UtilizationPercent));
        if (s.Credits is { } credits)
            figures.Add(new CapacityFigure("Credits", "credits", credits.Consumed, credits.Allocated, credits.Remaining, credits.UtilizationPercent,
                CapacityPolicy.Band(Credits.ToCents(credits.Consumed), Credits.ToCents(credits.Allocated)), IsCredits: true));
        return figures;
    }

    private static CapacityFigure Places(string title, string unit, int used, int limit, int available, decimal percent) =>
        new(title, unit, used, limit, available, percent, CapacityPolicy.Band(used, limit));
}
