namespace CapacityAdmin.Domain.Alerts;

/// <summary>Configuration section "Alerts" (environment variables: <c>Alerts__SalesMailbox</c>, ...).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>The shared sales mailbox; it receives every Sales alert besides the users in the Sales role. Optional.</summary>
    public string? SalesMailbox { get; set; }

    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The delay after the first failed attempt; it doubles after each further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claimed delivery stays reserved for its dispatcher. A dispatcher that dies
    /// mid-send leaves it claimed until then; the sender's own timeout must be shorter.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries one dispatch run handles at most.</summary>
    public int DispatchBatchSize { get; set; } = 100;

    /// <summary>
    /// Age after which an alert-evaluation request (the outbox row of a consumption) counts as left
    /// behind; the <c>alert-dispatch</c> run evaluates and deletes such rows first. Normally the
    /// consuming request deletes its row within milliseconds.
    /// </summary>
    public TimeSpan PendingEvaluationDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most one forecast alert per pool within this window (the early warning of Forecasts/ForecastAlertPolicy).</summary>
    public TimeSpan ForecastRepeatWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A pool without an end date is warned when it is projected to reach its hard limit within this many days.</summary>
    public int ForecastHorizonDays { get; set; } = 14;

    /// <summary>No forecast alert on a rate measured over fewer days than this (the first days of a campaign).</summary>
    public int ForecastMinBasisDays { get; set; } = 3;

    /// <summary>The problems of these options, empty when valid (checked at start).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SalesMailbox is { } mailbox && !string.IsNullOrWhiteSpace(mailbox) && !AlertAddresses.IsPlausible(mailbox))
            errors.Add("Alerts:SalesMailbox must be an email address.");
        if (MaxAttempts is < 1 or > 100) errors.Add("Alerts:MaxAttempts must be between 1 and 100.");
        if (RetryBaseDelay <= TimeSpan.Zero) errors.Add("Alerts:RetryBaseDelay must be positive.");
        if (RetryMaxDelay < RetryBaseDelay) errors.Add("Alerts:RetryMaxDelay must be at least Alerts:RetryBaseDelay.");
        if (ClaimTimeout < TimeSpan.FromSeconds(10)) errors.Add("Alerts:ClaimTimeout must be at least 10 seconds.");
        if (PendingEvaluationDelay < TimeSpan.Zero) errors.Add("Alerts:PendingEvaluationDelay must not be negative.");
        if (ForecastRepeatWindow < TimeSpan.FromMinutes(1)) errors.Add("Alerts:ForecastRepeatWindow must be at least one minute.");
        if (ForecastHorizonDays is < 1 or > 366) errors.Add("Alerts:ForecastHorizonDays must be between 1 and 366.");
        if (ForecastMinBasisDays is < 1 or > Forecasts.ForecastPolicy.MaxBasisDays) errors.Add("Alerts:ForecastMinBasisDays must be between 1 and 14.");
        if (DispatchBatchSize is < 1 or > 10_000) errors.Add("Alerts:DispatchBatchSize must be between 1 and 10000.");
        return errors;
    }
}

internal static class AlertAddresses
{
    public static bool IsPlausible(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.IndexOf('@');
        return at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1 && trimmed.Length <= AlertDelivery.AddressMaxLength
            && !trimmed.Any(char.IsWhiteSpace);
    }
}
