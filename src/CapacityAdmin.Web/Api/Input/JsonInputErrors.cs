using CapacityAdmin.Domain.Common;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CapacityAdmin.Web.Api.Input;

/// <summary>
/// Turns what the framework says about an unreadable request (a <see cref="JsonException"/>, a failed query binding) into
/// a field name and a sentence a client can act on, without the .NET type names the framework's messages carry.
/// </summary>
public static partial class JsonInputErrors
{
    internal const string WrongTypeMarker = "capacityadmin:wrong-type";

    /// <summary>The problem's <c>detail</c> and its <c>errors</c> map (one entry per member named).</summary>
    public static (string Detail, Dictionary<string, string[]> Errors) Describe(JsonException ex)
    {
        if (MissingRequired().Match(ex.Message) is { Success: true } missing)
        {
            var parent = FieldOf(ex.Path);
            var names = Quoted().Matches(missing.Groups[1].Value).Select(m => Join(parent, m.Groups[1].Value)).ToList();
            if (names.Count == 0) names.Add("body");
            return (names.Count > 1 ? $"{string.Join(", ", names)} are required." : $"{names[0]} is required.",
                names.ToDictionary(n => n, n => new[] { $"{n} is required." }));
        }
        var (field, message) = Explain(ex);
        return (message, new Dictionary<string, string[]> { [field] = [message] });
    }

    public static (string Field, string Message) Explain(JsonException ex)
    {
        var raw = ex.Message;
        var field = FieldOf(ex.Path);
        if (Duplicate().Match(raw) is { Success: true } duplicate)
        {
            var name = Join(field.EndsWith(duplicate.Groups[1].Value, StringComparison.Ordinal) ? ParentOf(field) : field, duplicate.Groups[1].Value);
            return (name, $"{name} appears more than once in the body.");
        }
        if (raw.Contains("doesn't allow", StringComparison.Ordinal) && raw.Contains("null", StringComparison.Ordinal))
            return (field, $"{field} may not be null.");
        if (raw.StartsWith(WrongTypeMarker, StringComparison.Ordinal) || raw.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            || raw.StartsWith("The JSON object contains", StringComparison.Ordinal) || raw.Contains("Cannot get the value of a token type", StringComparison.Ordinal))
            return (field, $"{field} has the wrong type{AllowedValues(raw)}.");
        if (ex.GetType() != typeof(JsonException) || raw.Contains("LineNumber:", StringComparison.Ordinal) && !raw.Contains("on type", StringComparison.Ordinal))
            return ("body", $"The body is not valid JSON: {StripPosition(raw)}");
        // Our own converters' sentences (control characters, lengths, the empty GUID) carry no type names.
        return (field, raw.Contains("type '", StringComparison.Ordinal) ? $"{field} is not valid." : $"{field}: {StripPosition(raw)}");
    }

    /// <summary>A failed query or route binding ("Failed to bind parameter \"int? page\" from \"x\".") without the type.</summary>
    public static (string Field, string Message) Explain(BadHttpRequestException ex)
    {
        if (BindFailure().Match(ex.Message) is { Success: true } bind)
            return (bind.Groups[1].Value, $"'{bind.Groups[2].Value}' is not a valid value for {bind.Groups[1].Value}.");
        if (RequiredParameter().Match(ex.Message) is { Success: true } required)
            return required.Groups[2].Value == "body" ? ("body", "The request needs a JSON body.") : (required.Groups[1].Value, $"{required.Groups[1].Value} is required.");
        if (ex.Message.Contains("no body was provided", StringComparison.Ordinal)) return ("body", "The request needs a JSON body.");
        return ("request", "The request could not be read.");
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Join(string parent, string name) => parent == "body" ? name : $"{parent}.{name}";

    private static string ParentOf(string field) => field.LastIndexOf('.') is var dot and > 0 ? field[..dot] : "body";

    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    /// <summary>For an enum member, the names the contract accepts.</summary>
    private static string AllowedValues(string message)
    {
        if (TargetType().Match(message) is not { Success: true } m) return "";
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("CapacityAdmin", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(m.Groups[1].Value.TrimEnd('.'))).FirstOrDefault(t => t is not null);
        if (type is not { IsEnum: true }) return "";
        return "; use one of " + string.Join(", ", WireNames.All(type));
    }

    [GeneratedRegex(@"missing required properties including: (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^Duplicate property '([^']*)'")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"converted to (?:System\.Nullable`1\[+)?([\w.+]+)")]
    private static partial Regex TargetType();

    [GeneratedRegex("^Failed to bind parameter \"(?:[^\"]* )?(\\w+)\" from \"(.*)\"\\.?$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"(?:[^\"]* )?(\\w+)\" was not provided from (?:the )?(\\w+)")]
    private static partial Regex RequiredParameter();
}
