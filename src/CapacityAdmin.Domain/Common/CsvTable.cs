using System.Globalization;
using CsvHelper;

namespace CapacityAdmin.Domain.Common;

/// <summary>
/// The one CSV writer of the product: CsvHelper in RFC 4180 mode (comma separated, CRLF, quoted when needed). Text that
/// starts like a spreadsheet formula (<c>= + - @</c>, tab, CR) is prefixed with <c>'</c> and quoted (CSV injection);
/// numbers, dates and ids are written as values, so <c>-5</c> stays a number.
/// </summary>
public static class CsvTable
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, true))
        {
            csv.WriteHeader(header.ToArray());
            foreach (var row in rows)
            {
                foreach (var value in row) csv.WriteField(value);
                csv.EndRecord();
            }
        }
        return text.ToString();
    }
}
