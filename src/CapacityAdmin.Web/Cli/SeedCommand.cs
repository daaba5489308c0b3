using CapacityAdmin.Domain.Seeding;
using CapacityAdmin.Web.Hosting;

namespace CapacityAdmin.Web.Cli;

/// <summary>
/// <c>seed --mode simple|advanced [--prune]</c>: loads <c>seed-data/geography.json</c> and
/// <c>memberships.json</c> in one transaction. Advanced mode honours <c>MAX_STATES</c>,
/// <c>MAX_DISTRICTS</c>, <c>MAX_MANDALS</c> and <c>FILTER_STATE_NAMES</c> (environment variables, or any
/// configuration source). The last line reads <c>created N, updated M, removed K</c>.
/// </summary>
public static class SeedCommand
{
    private const string Usage = "usage: seed --mode simple|advanced [--prune]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var mode = CommandLine.Option(args, "--mode") ?? throw new CommandLineException(Usage);
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)
            && !string.Equals(a, "--mode", StringComparison.OrdinalIgnoreCase) && !string.Equals(a, "--prune", StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) throw new CommandLineException($"unknown option {string.Join(", ", unknown)}; {Usage}");

        var configuration = services.GetRequiredService<IConfiguration>();
        var options = MembershipSeedOptions.Parse(mode, CommandLine.Flag(args, "--prune"), name => configuration[name]);
        if (!options.IsSuccess) throw new CommandLineException(options.Error.Detail);

        var directory = services.GetRequiredService<AppPaths>().SeedDirectory;
        Domain.Common.Result<MembershipSeedResult> seeded;
        try
        {
            seeded = await services.GetRequiredService<MembershipSeeder>().SeedAsync(directory, options.Value);
        }
        catch (InvalidDataException ex)
        {
            throw new CommandLineException(ex.Message);
        }
        if (!seeded.IsSuccess) throw new CommandLineException($"{seeded.Error.Code}: {seeded.Error.Detail}");

        var result = seeded.Value;
        var o = options.Value;
        await output.WriteLineAsync($"Seeded {directory} in {o.Mode.ToString().ToLowerInvariant()} mode{(o.Prune ? " with --prune" : "")}.");
        if (o.Mode == MembershipSeedMode.Advanced)
            await output.WriteLineAsync($"Finer caps for {result.SelectedStates} states, {result.SelectedDistricts} districts, {result.SelectedMandals} mandals"
                + $" (MAX_STATES={Show(o.MaxStates)}, MAX_DISTRICTS={Show(o.MaxDistricts)}, MAX_MANDALS={Show(o.MaxMandals)},"
                + $" FILTER_STATE_NAMES={(o.FilterStateNames is null ? "all" : string.Join(",", o.FilterStateNames))}).");
        foreach (var (what, counts) in new[]
                 {
                     ("states", result.States), ("districts", result.Districts), ("mandals", result.Mandals), ("cells", result.Cells),
                     ("designations", result.Designations), ("level capacities", result.LevelCapacities),
                 })
            await output.WriteLineAsync($"  {what,-17} {counts}");
        await output.WriteLineAsync(result.Summary);
        return 0;
    }

    private static string Show(int? limit) => limit?.ToString() ?? "none";
}
