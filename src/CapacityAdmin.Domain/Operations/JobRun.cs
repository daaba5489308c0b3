namespace CapacityAdmin.Domain.Operations;

/// <summary>One execution of a background job, scheduled or run by hand; kept so every node can report the last run.</summary>
public class JobRun
{
    private JobRun() { }

    public JobRun(string jobName, string trigger, string node, DateTimeOffset startedAt)
    {
        Id = Guid.NewGuid();
        JobName = jobName;
        Trigger = trigger;
        Node = node;
        StartedAt = startedAt;
        Outcome = JobOutcome.Running;
    }

    public Guid Id { get; private set; }
    public string JobName { get; private set; } = "";
    /// <summary><c>scheduled</c> or <c>manual:&lt;who&gt;</c>.</summary>
    public string Trigger { get; private set; } = "";
    public string Node { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public JobOutcome Outcome { get; private set; }
    public string? Error { get; private set; }
    public string? Summary { get; private set; }

    public void Succeed(DateTimeOffset at, string? summary)
    {
        FinishedAt = at;
        Outcome = JobOutcome.Succeeded;
        Summary = summary;
    }

    public void Fail(DateTimeOffset at, string error)
    {
        FinishedAt = at;
        Outcome = JobOutcome.Failed;
        Error = error.Length > 4000 ? error[..4000] : error;
    }
}

public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}
