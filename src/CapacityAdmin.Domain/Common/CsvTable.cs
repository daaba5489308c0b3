using System.Globalization;
using System.Text;
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

    /// <summary>
    /// The same table written to <paramref name="output"/> (UTF-8, no byte order mark) as the rows arrive: the writer's buffer
    /// goes out whenever it is mostly full, so memory stays flat however many rows there are.
    /// </summary>
    public static async Task<long> WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct = default)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        long count = 0;
        await using (var csv = CsvWriter.Create(text, Options, true))
        {
            csv.WriteHeader(header.ToArray());
            await foreach (var row in rows.WithCancellation(ct))
            {
                foreach (var value in row) csv.WriteField(value);
                await csv.EndRecordAsync(ct);
                count++;
            }
            await csv.FlushAsync(ct);
        }
        await text.FlushAsync(ct);
        return count;
    }
}
