using CapacityAdmin.Web.Tests.Infrastructure;
using System.Text;
using System.Text.RegularExpressions;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>
/// Just enough of a MIME reader for the tests (the feed has no MimeKit): unfolded headers with RFC 2047 words decoded,
/// and the parts of a multipart body with their quoted-printable or base64 transfer encoding undone.
/// </summary>
public sealed partial class EmlMessage
{
    private EmlMessage(IReadOnlyDictionary<string, string> headers, string rawHeaders, IReadOnlyList<EmlPart> parts, string contentType)
    {
        Headers = headers;
        RawHeaders = rawHeaders;
        Parts = parts;
        ContentType = contentType;
    }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string RawHeaders { get; }

    public string ContentType { get; }

    /// <summary>The leaf parts in order of appearance.</summary>
    public IReadOnlyList<EmlPart> Parts { get; }

    public string Subject => Headers.GetValueOrDefault("Subject", "");

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"No {name} header in:\n{RawHeaders}");

    public EmlPart Part(string mediaType) =>
        Parts.SingleOrDefault(p => p.MediaType == mediaType) ?? throw new Xunit.Sdk.XunitException(
            $"No {mediaType} part; parts: {string.Join(", ", Parts.Select(p => p.MediaType))}");

    public static EmlMessage Parse(string raw)
    {
        raw = raw.Replace("\r\n", "\n");
        var (headers, rawHeaders, body) = SplitHeaders(raw);
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        var parts = new List<EmlPart>();
        CollectParts(headers, body, parts);
        return new EmlMessage(headers, rawHeaders, parts, contentType);
    }

    public static async Task<EmlMessage> LoadAsync(string path) => Parse(await File.ReadAllTextAsync(path));

    private static void CollectParts(IReadOnlyDictionary<string, string> headers, string body, List<EmlPart> parts)
    {
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain; charset=us-ascii");
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = BoundaryParameter().Match(contentType).Groups[1].Value.Trim('"');
            var delimiter = "--" + boundary;
            var sections = body.Split(delimiter);
            // sections[0] is the preamble; the last section starts with "--" (the close delimiter).
            foreach (var section in sections.Skip(1))
            {
                if (section.StartsWith("--", StringComparison.Ordinal)) break;
                var (partHeaders, _, partBody) = SplitHeaders(section.TrimStart('\n').TrimStart(' ', '\t'));
                CollectParts(partHeaders, partBody.EndsWith('\n') ? partBody[..^1] : partBody, parts);
            }
            return;
        }
        var charset = CharsetParameter().Match(contentType) is { Success: true } m ? m.Groups[1].Value.Trim('"') : "us-ascii";
        var encoding = Encoding.GetEncoding(charset);
        var transfer = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").Trim().ToLowerInvariant();
        var text = transfer switch
        {
            "base64" => encoding.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => encoding.GetString(DecodeQuotedPrintable(body)),
            _ => body,
        };
        parts.Add(new EmlPart(mediaType, contentType, transfer, text.Replace("\r\n", "\n")));
    }

    private static (Dictionary<string, string> Headers, string Raw, string Body) SplitHeaders(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? "" : text[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && name is not null)
            {
                headers[name] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            name = line[..colon].Trim();
            headers[name] = line[(colon + 1)..].Trim();
        }
        foreach (var key in headers.Keys.ToList()) headers[key] = DecodeWords(headers[key]);
        return (headers, head, body);
    }

    /// <summary>RFC 2047: adjacent encoded words are joined (the bytes of a character may be split across two).</summary>
    private static string DecodeWords(string value)
    {
        var result = new StringBuilder();
        var position = 0;
        var pending = new List<byte>();
        string? pendingCharset = null;
        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value[position..word.Index];
            if (pendingCharset is not null && (between.Trim().Length > 0 || !word.Groups[1].Value.Equals(pendingCharset, StringComparison.OrdinalIgnoreCase)))
            {
                result.Append(Encoding.GetEncoding(pendingCharset).GetString(pending.ToArray()));
                pending.Clear();
                pendingCharset = null;
            }
            if (pendingCharset is null || between.Trim().Length > 0) result.Append(between);
            pendingCharset = word.Groups[1].Value;
            var data = word.Groups[3].Value;
            pending.AddRange(word.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(data)
                : DecodeQuotedPrintable(data.Replace('_', ' ')));
            position = word.Index + word.Length;
        }
        if (pendingCharset is not null) result.Append(Encoding.GetEncoding(pendingCharset).GetString(pending.ToArray()));
        result.Append(value[position..]);
        return result.ToString();
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 1 < text.Length && text[i + 1] == '\n') { i++; continue; }  // soft line break
            if (c == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"boundary=(""[^""]+""|[^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryParameter();

    [GeneratedRegex(@"charset=(""[^""]+""|[^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}

/// <summary>One leaf part, its text decoded (line ends normalised to <c>\n</c>).</summary>
public sealed record EmlPart(string MediaType, string ContentType, string TransferEncoding, string Text);
