namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>What <c>seed-data/</c> creates when <c>Seed:DemoData</c> is on (names, emails and public demo passwords).</summary>
public static class DemoData
{
    public const string Acme = "Acme Volunteering";
    public const string Globex = "Globex Foundation";
    public const string Initech = "Initech Cares";

    public sealed record DemoUser(string Email, string Password, string DisplayName);

    public static readonly DemoUser Administrator = new("admin@capacityadmin.local", "Admin#Demo2026", "Ada Administrator");
    public static readonly DemoUser CustomerSuccess = new("cs@capacityadmin.local", "Success#Demo2026", "Casey Success");
    public static readonly DemoUser Sales = new("sales@capacityadmin.local", "Sales#Demo2026", "Sam Sales");
    public static readonly DemoUser AcmeAdmin = new("companyadmin@acme.local", "Company#Demo2026", "Alex Acme");
}
