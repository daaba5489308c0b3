namespace CapacityAdmin.Domain.Common;

/// <summary>
/// Credit amounts are decimals with 2 places in the API and whole cents (long) in the database, so
/// that conditional UPDATE arithmetic works on every provider (EF stores decimal as TEXT on SQLite).
/// </summary>
public static class Credits
{
    public const int CentsPerCredit = 100;

    /// <summary>The largest allocation or amount accepted (one trillion credits).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>Converts an amount with at most 2 decimals to cents; callers validate first.</summary>
    public static long ToCents(decimal amount)
    {
        if (!HasAtMostTwoDecimals(amount)) throw new ArgumentException("Credit amounts have at most 2 decimals.", nameof(amount));
        return decimal.ToInt64(amount * CentsPerCredit);
    }

    public static decimal FromCents(long cents) => decimal.Round(cents / (decimal)CentsPerCredit, 2);
}
