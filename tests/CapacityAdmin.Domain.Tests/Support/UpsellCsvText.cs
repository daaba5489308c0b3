using System.Text;
using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Domain.Tests.Support;

/// <summary>The upsell export as the CSV text its writer produces (what GET /upsell.csv and the page's download send).</summary>
public static class UpsellCsvText
{
    public static async Task<string> OfAsync(IAsyncEnumerable<UpsellItemView> rows)
    {
        using var output = new MemoryStream();
        await UpsellCsv.WriteAsync(output, rows);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
