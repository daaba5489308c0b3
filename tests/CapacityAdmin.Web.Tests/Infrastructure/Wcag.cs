namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>What the accessibility tests measure the product's colours with.</summary>
public static class Wcag
{
    /// <summary>WCAG 2.1 contrast ratio of two "#rrggbb" colours (1 to 21).</summary>
    public static double Contrast(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var h = hex.TrimStart('#');
        return 0.2126 * Channel(h, 0) + 0.7152 * Channel(h, 2) + 0.0722 * Channel(h, 4);
    }
}
