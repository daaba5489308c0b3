using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Web.Cli;

/// <summary><c>apikey create --name N --role R [--company ID]</c> · <c>apikey list</c> · <c>apikey revoke --id ID</c>.</summary>
public static class ApiKeyCommand
{
    /// <summary>Whoever runs the command on the server acts as an Administrator; keys record "cli" as their author.</summary>
    private static readonly Actor Operator = new("cli", Roles.Administrator, null);

    private const string Usage = "usage: apikey create --name NAME --role ROLE [--company ID] | apikey list | apikey revoke --id ID";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var keys = services.GetRequiredService<ApiKeyService>();
        switch (args.FirstOrDefault()?.ToLowerInvariant())
        {
            case "create":
            {
                var company = CommandLine.Option(args, "--company");
                Guid? companyId = null;
                if (company is not null)
                    companyId = Guid.TryParse(company, out var id) ? id : throw new CommandLineException($"--company must be a company id (GUID), not '{company}'.");
                var result = await keys.CreateAsync(Operator, CommandLine.Option(args, "--name"), CommandLine.Option(args, "--role"), companyId);
                if (!result.IsSuccess) throw new CommandLineException($"{result.Error.Code}: {result.Error.Detail}");
                var key = result.Value.Key;
                await output.WriteLineAsync($"Created API key {key.Id} '{key.Name}' with role {key.Role}{(key.CompanyId is null ? "" : $" for company {key.CompanyId}")}.");
                await output.WriteLineAsync("Store the key now; it is not shown again:");
                await output.WriteLineAsync(result.Value.Secret);
                return 0;
            }
            case "list":
                foreach (var k in (await keys.ListAsync(Operator)).Value ?? [])
                    await output.WriteLineAsync($"{k.Id}  {k.Prefix}…  {k.Role,-15} {(k.CompanyId?.ToString() ?? "all companies"),-36}  {(k.RevokedAt is null ? "active" : $"revoked {k.RevokedAt:u}")}  {k.Name}");
                return 0;
            case "revoke":
            {
                var raw = CommandLine.Option(args, "--id") ?? args.Skip(1).FirstOrDefault();
                if (!Guid.TryParse(raw, out var id)) throw new CommandLineException("apikey revoke needs --id with the key's id (see apikey list).");
                var result = await keys.RevokeAsync(Operator, id);
                if (!result.IsSuccess) throw new CommandLineException($"{result.Error.Code}: {result.Error.Detail}");
                await output.WriteLineAsync($"Revoked API key {id} '{result.Value.Name}'.");
                return 0;
            }
            default:
                throw new CommandLineException(Usage);
        }
    }
}
