using System.Collections.Concurrent;

namespace CapacityAdmin.Domain.Identity;

/// <summary>
/// The live API keys this server has seen, by the hash of their secret: a request with a known key is answered with
/// one indexed existence probe (is it still unrevoked?) instead of a read of the key's row. The probe stays on every
/// request, because a key revoked through any server must be refused at its next use on every server; only unknown
/// secrets are never cached, so random keys cannot fill the memory.
/// </summary>
public sealed class ApiKeyCache
{
    /// <summary>Far more keys than any installation issues; past it, keys beyond are looked up as if new.</summary>
    public const int MaxKeys = 10_000;

    private readonly ConcurrentDictionary<string, ApiKeySummary> _live = new(StringComparer.Ordinal);

    public bool TryGet(string hash, out ApiKeySummary key) => _live.TryGetValue(hash, out key!);

    public void Remember(string hash, ApiKeySummary key)
    {
        if (_live.Count < MaxKeys) _live[hash] = key;
    }

    public void Forget(string hash) => _live.TryRemove(hash, out _);

    public void Forget(Guid keyId)
    {
        foreach (var (hash, key) in _live)
            if (key.Id == keyId) _live.TryRemove(hash, out _);
    }
}
