using System.Globalization;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>
/// One gauge: a figure with its usage, limit and band, in whole units (places or credits). <see cref="HardLimit"/> is the
/// domain's hard limit (limit plus the overage band) where the figure is enforced with one; null for plain targets.
/// </summary>
public sealed record CapacityFigure(string Title, string Unit, decimal Used, decimal Limit, decimal Available, decimal UtilizationPercent,
    CapacityBand Band, bool IsCredits = false, decimal? HardLimit = null)
{
    public string Format(decimal value) => CapacityDisplay.Number(value, IsCredits);

    /// <summary>What is left in the overage band: from usage (or the limit, if usage is below it) up to the hard limit.</summary>
    public decimal OverageRoom => HardLimit is { } hard ? Math.Max(0, hard - Math.Max(Used, Limit)) : 0;
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

    /// <summary>Normal green, near amber, at orange, overage red (<see cref="BandColors"/>).</summary>
    public static string BandColor(CapacityBand band) => BandColors.Of(band);

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
        // The model's own figure is the governing one: the domain's hard limit applies to it.
        if (s.Seats is { } seats)
            figures.Add(Places("Seats", "seats", seats.Used, seats.Committed, seats.Available, seats.UtilizationPercent) with { HardLimit = s.HardLimit });
        if (s.Iaas is { } iaas)
            figures.Add(Places("Learners", "learners", iaas.LearnersServed, iaas.LearnersCommitted, iaas.Remaining, iaas.UtilizationPercent) with { HardLimit = s.HardLimit });
        if (s.Bundle is { } bundle)
            figures.Add(Places("Bundle quota", "places", bundle.Used, bundle.Quota, bundle.Available, bundle.UtilizationPercent) with { HardLimit = s.HardLimit });
        if (s.Credits is { } credits)
            figures.Add(new CapacityFigure("Credits", "credits", credits.Consumed, credits.Allocated, credits.Remaining, credits.UtilizationPercent,
                CapacityPolicy.Band(Credits.ToCents(credits.Consumed), Credits.ToCents(credits.Allocated)), IsCredits: true, HardLimit: s.HardLimit));
        return figures;
    }

    /// <summary>The one figure that governs a campaign's band (its model's figure; volunteers for the custom model).</summary>
    public static CapacityFigure Governing(CapacityStatus s, string? title = null)
    {
        var all = Figures(s);
        var figure = s.PricingModel switch
        {
            PricingModel.Seats => all.FirstOrDefault(f => f.Title == "Seats"),
            PricingModel.Credits => all.FirstOrDefault(f => f.Title == "Credits"),
            PricingModel.Iaas => all.FirstOrDefault(f => f.Title == "Learners"),
            PricingModel.Bundle => all.FirstOrDefault(f => f.Title == "Bundle quota"),
            _ => null,
        } ?? all[0] with { HardLimit = s.HardLimit };
        return title is null ? figure : figure with { Title = title };
    }

    /// <summary>A bundle measured against its capacity, as enforcement measures it (<see cref="BundleStatus.Pool"/>).</summary>
    public static CapacityFigure BundleFigure(BundleStatus b, string? title = null) =>
        new(title ?? b.Name, "places", b.Pool.Used, b.Pool.Limit, Math.Max(0, b.Pool.Limit - b.Pool.Used), CapacityPolicy.Percent(b.Pool.Utilization),
            b.Pool.Band, HardLimit: b.Pool.HardLimit);

    private static CapacityFigure Places(string title, string unit, int used, int limit, int available, decimal percent) =>
        new(title, unit, used, limit, available, percent, CapacityPolicy.Band(used, limit));
}
