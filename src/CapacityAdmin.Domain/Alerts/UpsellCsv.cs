using System.Globalization;
using System.Text;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>The CSV export of the upsell list (RFC 4180: comma separated, CRLF, fields quoted when needed).</summary>
public static class UpsellCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "alertId", "kind", "companyId", "company", "poolType", "poolId", "pool", "campaignId", "utilizationPercent", "band", "createdAt",
        "ageHours", "status", "owner", "notes", "updatedBy", "updatedAt", "message",
        // Live, from the pool's forecast (utilizationPercent above is the figure when the alert was raised).
        "liveUtilizationPercent", "projectedHardLimitAt", "runsOutBeforeEnd", "refusedLast30Days",
    ];

    public static string Write(IEnumerable<UpsellItemView> rows)
    {
        var sb = new StringBuilder();
        WriteLine(sb, Header);
        foreach (var r in rows)
            WriteLine(sb,
            [
                r.AlertId.ToString(), AlertNames.Of(r.Kind), r.CompanyId?.ToString(), r.CompanyName, AlertNames.Of(r.PoolType), r.PoolId.ToString(),
                r.PoolName, r.CampaignId?.ToString(), r.UtilizationPercent.ToString("0.00", CultureInfo.InvariantCulture), r.Threshold,
                r.CreatedAt.ToString("O", CultureInfo.InvariantCulture), Math.Floor(r.Age.TotalHours).ToString(CultureInfo.InvariantCulture),
                AlertNames.Of(r.Status), r.Owner, r.Notes, r.UpdatedBy, r.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture), r.Message,
                r.LiveUtilizationPercent?.ToString("0.00", CultureInfo.InvariantCulture),
                r.ProjectedHardLimitAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.RunsOutBeforeEnd is { } runsOut ? (runsOut ? "true" : "false") : null,
                r.RefusedLast30Days.ToString(CultureInfo.InvariantCulture),
            ]);
        return sb.ToString();
    }

    private static void WriteLine(StringBuilder sb, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Escape(fields[i]));
        }
        sb.Append("\r\n");
    }

    /// <summary>Quotes a field holding a comma, quote or line break; neutralises a leading formula character (CSV injection).</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
