using System.Text.RegularExpressions;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Cli;

/// <summary><c>seed --mode simple|advanced [--prune]</c> run as a separate process, each test on its own data directory.</summary>
public sealed partial class SeedCommandTests : IDisposable
{
    private readonly string _data = TestDirectories.Create("capacity-seed");

    public void Dispose() => TestDirectories.Delete(_data);

    private static (int Created, int Updated, int Removed) Summary(CommandResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var match = SummaryLine().Match(result.OutputLines[^1]);
        Assert.True(match.Success, $"The last line is not the summary: {result}");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    [Fact]
    public async Task Seed_SimpleAdvancedSimple_EndsWithTheSummaryLine_AndARerunChangesNothing()
    {
        var simple = await CommandLineRunner.RunAsync(_data, "seed", "--mode", "simple");
        var (created, _, _) = Summary(simple);
        // 36 states, 59 districts, some mandals, 3 cells, 7 designations, 3 x (1 + 5) level capacities at least.
        Assert.True(created > 36 + 59 + 3 + 7 + 18, simple.ToString());
        Assert.Contains(simple.OutputLines, l => l.StartsWith("level capacities", StringComparison.Ordinal) && l.Contains("created 18"));
        Assert.Equal((0, 0, 0), Summary(await CommandLineRunner.RunAsync(_data, "seed", "--mode", "simple")));

        var env = new Dictionary<string, string> { ["MAX_STATES"] = "1", ["MAX_DISTRICTS"] = "2", ["MAX_MANDALS"] = "3", ["FILTER_STATE_NAMES"] = "andhra pradesh,TELANGANA" };
        var advanced = await CommandLineRunner.RunAsync(_data, env, "seed", "--mode", "advanced");
        // Andhra Pradesh comes first by name; its first two districts (Alluri Sitharama Raju, Anakapalli) have no mandals.
        Assert.Equal((3 * (1 + 2), 0, 0), Summary(advanced));
        Assert.Contains(advanced.OutputLines, l => l.StartsWith("Finer caps for 1 states, 2 districts, 0 mandals", StringComparison.Ordinal));

        Assert.Equal((0, 0, 3 * (1 + 2)), Summary(await CommandLineRunner.RunAsync(_data, "seed", "--mode", "simple", "--prune")));
    }

    [Theory]
    [InlineData("MAX_STATES", "lots")]
    [InlineData("MAX_MANDALS", "-2")]
    [InlineData("FILTER_STATE_NAMES", "Atlantis")]
    public async Task Seed_BadVariable_ExitsNonZeroNamingTheVariable(string variable, string value)
    {
        var result = await CommandLineRunner.RunAsync(_data, new Dictionary<string, string> { [variable] = value }, "seed", "--mode", "advanced");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains(variable, result.StandardError);
        Assert.DoesNotContain("created", result.StandardOutput);
    }

    [Fact]
    public async Task Seed_WithoutMode_ExitsNonZeroWithUsage()
    {
        var result = await CommandLineRunner.RunAsync(_data, "seed", "--prune");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("--mode simple|advanced", result.StandardError);
    }

    [GeneratedRegex(@"^created (\d+), updated (\d+), removed (\d+)$")]
    private static partial Regex SummaryLine();
}
