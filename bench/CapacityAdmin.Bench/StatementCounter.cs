using System.Collections.Concurrent;
using System.Diagnostics;

namespace CapacityAdmin.Bench;

/// <summary>Counts EF Core's commands, connection opens and transactions through its DiagnosticSource events (for --profile).</summary>
internal sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly List<IDisposable> _subscriptions = [];

    public static StatementCounter Start()
    {
        var counter = new StatementCounter();
        counter._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(counter));
        return counter;
    }

    public IReadOnlyDictionary<string, int> TakeCounts()
    {
        var snapshot = new Dictionary<string, int>(_counts);
        _counts.Clear();
        return snapshot;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore") _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        var name = e.Key switch
        {
            "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted" => "commands",
            "Microsoft.EntityFrameworkCore.Database.Connection.ConnectionOpened" => "connection opens",
            "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionStarted" => "transactions",
            "Microsoft.EntityFrameworkCore.Infrastructure.ContextInitialized" => "contexts",
            _ => null,
        };
        if (name is not null) _counts.AddOrUpdate(name, 1, (_, n) => n + 1);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }
}
