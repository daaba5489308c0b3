using System.Net;
using System.Text.Json;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>Assertions on API responses: JSON bodies and RFC 9457 problem documents (api-v1.md "Errors").</summary>
public static class ApiAssert
{
    /// <summary>Asserts the status, the problem content type and the <c>code</c> member; returns the document's root.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var root = await AnyProblemAsync(response, status);
        Assert.True(root.TryGetProperty("code", out var actual), $"The problem has no code member: {root}");
        Assert.Equal(code, actual.GetString());
        return root;
    }

    /// <summary>Asserts the status and the problem content type, and that the document carries some <c>code</c>.</summary>
    public static async Task<JsonElement> AnyProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.TryGetProperty("code", out var code) ? code.GetString() : null), $"The problem has no code: {body}");
        return root;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
