using System.Globalization;

namespace CapacityAdmin.Domain.Common;

/// <summary>Formats values for the capacity timeline, culture-independent.</summary>
internal static class AuditValue
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString("0.######", CultureInfo.InvariantCulture),
        Enum e => e.ToString().ToLowerInvariant(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
