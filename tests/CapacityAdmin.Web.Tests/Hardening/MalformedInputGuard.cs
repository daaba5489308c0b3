using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Hardening;

/// <summary>
/// The standing guard of issue #12: every write operation the OpenAPI document lists is sent malformed requests generated
/// from its documented request schema (a required member missing or null, a wrong JSON type for each member, a duplicate
/// key, control characters and over-long text in each string, an empty body, not JSON at all, the wrong content type, the
/// wrong verb, a control character in each path and query value). Each must answer a 4xx problem document with a
/// <c>code</c>, and the database must be exactly as before. A new endpoint is walked the day it is mapped.
/// </summary>
public static class MalformedInputGuard
{
    private static readonly string[] WriteVerbs = ["post", "put", "patch", "delete"];

    /// <summary>
    /// Operations for which an empty object is a complete, valid request (every member optional by the contract). Their
    /// other variants still run.
    /// </summary>
    private static readonly HashSet<string> EmptyBodyIsValid =
    [
        "PUT /api/v1/geography",                  // upserts nothing
        "PUT /api/v1/settings/membership",        // a member left out keeps its value
        "PATCH /api/v1/alerts/{id}/upsell",       // any of status, owner, notes
        "POST /api/v1/memberships/{id}/approve",  // {reason?}
        "POST /api/v1/memberships/{id}/revoke",
        "POST /api/v1/memberships/{id}/reactivate",
    ];

    private sealed record Variant(string Name, string Method, string Path, string? Body, string ContentType = "application/json", int? Status = null);

    public static async Task RunAsync(CapacityAppFactory app)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var document = JsonDocument.Parse(await admin.GetStringAsync("openapi/v1.json"));
        var doc = document.RootElement;
        var ids = await RealIdsAsync(app);
        var failures = new List<string>();
        var walked = 0;

        foreach (var pathItem in doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var verbs = pathItem.Value.EnumerateObject().Select(o => o.Name).ToHashSet();
            foreach (var op in pathItem.Value.EnumerateObject().Where(o => WriteVerbs.Contains(o.Name)))
            {
                walked++;
                var name = $"{op.Name.ToUpperInvariant()} {pathItem.Name}";
                var path = Fill(pathItem.Name, ids);
                var variants = VariantsFor(doc, name, op.Name.ToUpperInvariant(), pathItem.Name, path, op.Value, verbs, ids).ToList();
                var before = await FingerprintAsync(app);
                foreach (var v in variants)
                {
                    var problem = await SendAsync(admin, v);
                    if (problem is not null) failures.Add($"{name} [{v.Name}]: {problem}");
                }
                var after = await FingerprintAsync(app);
                foreach (var table in before.Keys.Where(t => before[t] != after.GetValueOrDefault(t)))
                    failures.Add($"{name}: table {table} changed ({before[table]} -> {after.GetValueOrDefault(table)}) during: {string.Join(", ", variants.Select(v => v.Name))}");
            }
        }

        Assert.True(walked >= 30, $"Only {walked} write operations found in the OpenAPI document.");
        Assert.True(failures.Count == 0, $"{failures.Count} malformed requests were mishandled:\n" + string.Join("\n", failures));
    }

    private static async Task<string?> SendAsync(HttpClient client, Variant v)
    {
        using var request = new HttpRequestMessage(new HttpMethod(v.Method), v.Path.TrimStart('/'));
        if (v.Body is not null) request.Content = new StringContent(v.Body, Encoding.UTF8, v.ContentType);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (v.Status is { } expected ? status != expected : status is < 400 or > 499)
            return $"expected {v.Status?.ToString() ?? "4xx"}, got {status}: {Cut(body)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} without a problem document: '{Cut(body)}'";
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("code", out var code) || string.IsNullOrEmpty(code.GetString())) return $"{status} problem without a code: {Cut(body)}";
            if (body.Contains("System.", StringComparison.Ordinal) || body.Contains("CapacityAdmin.", StringComparison.Ordinal))
                return $"{status} problem exposes a .NET type name: {Cut(body)}";
        }
        catch (JsonException)
        {
            return $"{status} body is not JSON: {Cut(body)}";
        }
        return null;
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] + "..." : s;

    private static IEnumerable<Variant> VariantsFor(JsonElement doc, string name, string method, string template, string path, JsonElement op,
        HashSet<string> verbs, IReadOnlyDictionary<string, string> ids)
    {
        var wrongVerb = new[] { "PUT", "PATCH", "DELETE", "POST" }.First(m => !verbs.Contains(m.ToLowerInvariant()));
        yield return new Variant("wrong verb " + wrongVerb, wrongVerb, path, null, Status: 405);

        foreach (var parameter in op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            var pname = parameter.GetProperty("name").GetString()!;
            var schema = Resolve(doc, parameter.TryGetProperty("schema", out var s) ? s : default);
            if (!IsPlainString(schema)) continue;
            if (parameter.GetProperty("in").GetString() == "path")
                yield return new Variant($"control character in path {pname}", method, Fill(template, ids, (pname, "guard%01")), Body(doc, op));
            else if (parameter.GetProperty("in").GetString() == "query")
                yield return new Variant($"control character in query {pname}", method, $"{path}{(path.Contains('?') ? '&' : '?')}{pname}=guard%00", Body(doc, op));
        }

        if (!op.TryGetProperty("requestBody", out var requestBody) || !requestBody.GetProperty("content").TryGetProperty("application/json", out var media))
            yield break;
        var bodySchema = Resolve(doc, media.GetProperty("schema"));
        var isArray = HasType(bodySchema, "array");
        var objectSchema = isArray ? Items(doc, bodySchema) : bodySchema;
        var valid = Sample(doc, objectSchema)!.AsObject();
        string Wrap(JsonNode item) => isArray ? new JsonArray(item).ToJsonString() : item.ToJsonString();

        yield return new Variant("wrong content type", method, path, Wrap(valid.DeepClone()), "text/plain", Status: 415);
        yield return new Variant("not JSON", method, path, "{\"");
        yield return new Variant("wrong JSON shape", method, path, isArray ? "{}" : "[]");
        if (!EmptyBodyIsValid.Contains(name)) yield return new Variant("empty object", method, path, isArray ? "[{}]" : "{}");

        var properties = objectSchema.TryGetProperty("properties", out var props) ? props.EnumerateObject().ToList() : [];
        if (properties.Count > 0)
        {
            var first = properties[0].Name;
            var text = Wrap(valid.DeepClone());
            var at = text.IndexOf('{') + 1;
            yield return new Variant("duplicate key " + first, method, path, text[..at] + $"\"{first}\":{valid[first]?.ToJsonString() ?? "null"}," + text[at..]);
        }
        var required = objectSchema.TryGetProperty("required", out var req) ? req.EnumerateArray().Select(r => r.GetString()!).ToList() : [];
        foreach (var member in required)
        {
            var missing = valid.DeepClone().AsObject();
            missing.Remove(member);
            yield return new Variant("missing " + member, method, path, Wrap(missing));
            var nulled = valid.DeepClone().AsObject();
            nulled[member] = null;
            yield return new Variant("null " + member, method, path, Wrap(nulled));
        }
        foreach (var property in properties)
        {
            var schema = Resolve(doc, property.Value);
            yield return With("wrong type " + property.Name, property.Name, WrongType(schema));
            if (IsPlainString(schema))
            {
                yield return With("NUL in " + property.Name, property.Name, JsonValue.Create("guard\u0000x"));
                yield return With("line break in name " + property.Name, property.Name, JsonValue.Create(IsFreeText(property.Name) ? "guard\u0007x" : "guard\nx"));
                yield return With("over-long " + property.Name, property.Name, JsonValue.Create(new string('x', 5000)));
            }
            else if (HasType(schema, "array") && IsPlainString(Items(doc, schema)))
            {
                yield return With("NUL in an item of " + property.Name, property.Name, new JsonArray(JsonValue.Create("guard\u0000x")));
                yield return With("null item in " + property.Name, property.Name, new JsonArray((JsonNode?)null));
            }
            else if (HasType(schema, "array") && Items(doc, schema) is { ValueKind: JsonValueKind.Object } item
                     && (HasType(item, "object") || item.TryGetProperty("properties", out _)))
                yield return With("null item in " + property.Name, property.Name, new JsonArray((JsonNode?)null));
        }

        Variant With(string variant, string member, JsonNode? value)
        {
            var body = valid.DeepClone().AsObject();
            body[member] = value;
            return new Variant(variant, method, path, Wrap(body));
        }
    }

    private static JsonElement Items(JsonElement doc, JsonElement arraySchema) =>
        arraySchema.TryGetProperty("items", out var items) ? Resolve(doc, items) : default;

    private static bool IsFreeText(string member) => member is "reason" or "notes" or "note";

    private static string? Body(JsonElement doc, JsonElement op) =>
        op.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var media)
            ? (HasType(Resolve(doc, media.GetProperty("schema")), "array")
                ? new JsonArray(Sample(doc, Items(doc, Resolve(doc, media.GetProperty("schema"))))).ToJsonString()
                : Sample(doc, Resolve(doc, media.GetProperty("schema")))?.ToJsonString())
            : null;

    /// <summary>A value of the wrong JSON type for the schema.</summary>
    private static JsonNode? WrongType(JsonElement schema) =>
        HasType(schema, "string") ? JsonValue.Create(12345)
        : HasType(schema, "integer") || HasType(schema, "number") ? JsonValue.Create("not a number")
        : HasType(schema, "boolean") ? JsonValue.Create("not a boolean")
        : HasType(schema, "array") ? JsonValue.Create("not a list")
        : JsonValue.Create(true);

    private static bool IsPlainString(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && HasType(schema, "string") && !schema.TryGetProperty("format", out _) && !schema.TryGetProperty("enum", out _);

    private static bool HasType(JsonElement schema, string type)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var t)) return false;
        return t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Any(x => x.GetString() == type) : t.GetString() == type;
    }

    /// <summary>Follows <c>$ref</c>, and the non-null branch of <c>oneOf</c> / <c>anyOf</c>.</summary>
    private static JsonElement Resolve(JsonElement doc, JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            else if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
                schema = oneOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            else break;
        }
        return schema;
    }

    /// <summary>A value of the documented type for every member (its validity does not matter: each variant breaks one thing).</summary>
    private static JsonNode? Sample(JsonElement doc, JsonElement schema)
    {
        schema = Resolve(doc, schema);
        if (schema.ValueKind != JsonValueKind.Object) return JsonValue.Create("guard");
        if (schema.TryGetProperty("enum", out var values)) return JsonNode.Parse(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        if (HasType(schema, "object") || schema.TryGetProperty("properties", out _))
        {
            var obj = new JsonObject();
            if (schema.TryGetProperty("properties", out var props))
                foreach (var p in props.EnumerateObject()) obj[p.Name] = Sample(doc, p.Value);
            return obj;
        }
        if (HasType(schema, "array")) return new JsonArray();
        if (HasType(schema, "boolean")) return JsonValue.Create(true);
        if (HasType(schema, "integer") || HasType(schema, "number")) return JsonValue.Create(1);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => JsonValue.Create(Guid.NewGuid()),
            "date-time" => JsonValue.Create("2030-01-01T00:00:00Z"),
            "date" => JsonValue.Create("2030-01-01"),
            _ => JsonValue.Create("guard"),
        };
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> ids, (string Name, string Value)? overriding = null)
    {
        var parts = template.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith('{')) continue;
            var name = parts[i].Trim('{', '}');
            parts[i] = overriding is { } o && o.Name == name ? o.Value
                : name == "id" ? ids.GetValueOrDefault(parts[i - 1]) ?? Guid.NewGuid().ToString()
                : ids.GetValueOrDefault(name) ?? "guard";
        }
        return string.Join('/', parts);
    }

    /// <summary>Existing rows for the path parameters, so a malformed body is judged by the real handler rather than a 404.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> RealIdsAsync(CapacityAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        var ids = new Dictionary<string, string>
        {
            ["level"] = "NATIONAL",
            ["name"] = "threshold-scan",
            ["volunteerId"] = "guard-volunteer",
            ["learnerId"] = "guard-learner",
        };
        if (await db.Campaigns.Select(c => (Guid?)c.Id).FirstOrDefaultAsync() is { } campaign) ids["campaigns"] = campaign.ToString();
        if (await db.Bundles.Select(b => (Guid?)b.Id).FirstOrDefaultAsync() is { } bundle) ids["bundles"] = bundle.ToString();
        if (await db.Alerts.Select(a => (Guid?)a.Id).FirstOrDefaultAsync() is { } alert) ids["alerts"] = alert.ToString();
        if (await db.Memberships.Select(m => (Guid?)m.Id).FirstOrDefaultAsync() is { } membership) ids["memberships"] = membership.ToString();
        if (await db.Designations.Select(d => d.Code).FirstOrDefaultAsync() is { } code) ids["code"] = code;
        return ids;
    }

    /// <summary>Row count and a hash of every row of every table of the model (API keys aside: their use is recorded).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(CapacityAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => t is not "ApiKeys" and not "DataProtectionKeys").Distinct().Order().ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join("\u001f", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
            rows.Sort(StringComparer.Ordinal);
            result[table] = $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))))[..12]}";
        }
        return result;
    }
}
