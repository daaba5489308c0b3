using System.Diagnostics;

namespace CapacityAdmin.Web.Tests.Infrastructure;

public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> OutputLines =>
        StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>
/// Runs the built app's command mode as an operator would: <c>dotnet CapacityAdmin.Web.dll apikey ...</c>, in a
/// child process with <c>Data__Directory</c> set, in the default (Production) environment.
/// </summary>
public static class CommandLineRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The web app's assembly, copied next to the tests with its runtimeconfig, deps and appsettings.</summary>
    public static string AppAssembly => Path.Combine(AppContext.BaseDirectory, "CapacityAdmin.Web.dll");

    public static Task<CommandResult> RunAsync(string dataDirectory, params string[] args) =>
        RunAsync(dataDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs a command with extra environment variables (for example the seed command's <c>MAX_STATES</c>).</summary>
    public static async Task<CommandResult> RunAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), [AppAssembly, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS" })
            start.Environment.Remove(variable);
        start.Environment["Data__Directory"] = dataDirectory;
        foreach (var variable in new[] { "MAX_STATES", "MAX_DISTRICTS", "MAX_MANDALS", "FILTER_STATE_NAMES" })
            start.Environment.Remove(variable);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within {Timeout.TotalSeconds:0} s.");
        }
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    // The test host runs under the same dotnet; fall back to PATH.
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
