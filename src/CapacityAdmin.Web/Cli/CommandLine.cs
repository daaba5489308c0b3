using Microsoft.Extensions.Logging.Console;

namespace CapacityAdmin.Web.Cli;

/// <summary>
/// Administrative commands run through the web project, sharing its configuration and services:
/// <c>dotnet run --project src/CapacityAdmin.Web -- apikey create --name N --role R [--company ID]</c>.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], TextWriter, Task<int>>> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apikey"] = ApiKeyCommand.RunAsync,
        ["seed"] = SeedCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>
    /// In command mode stdout carries only the command's own output (a script reads the new API key from
    /// its last line), so every console log line goes to stderr. Otherwise the console logger's background
    /// writer could interleave start-up logs (migrations) with, or after, the printed key.
    /// </summary>
    public static void UseCommandLineLogging(this WebApplicationBuilder builder) =>
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            return await Commands[args[0]](scope.ServiceProvider, args[1..], output);
        }
        catch (CommandLineException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The value after <paramref name="name"/> (<c>--name value</c>), or null when absent.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0) return null;
        if (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException($"{name} needs a value.");
        return args[index + 1];
    }

    public static bool Flag(string[] args, string name) => args.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
}

public sealed class CommandLineException(string message) : Exception(message);
