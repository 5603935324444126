using ImageLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Authentication;

/// <summary>
/// Wrong passwords per client address: after <c>Security:SignInFailuresPerAddress</c> of them within 15 minutes, sign-ins
/// from that address are refused, before the password is checked, until the oldest leaves the window. Accounts lock on
/// their own (Identity's lockout after 10 wrong passwords); this stops one address trying many accounts. In memory, per
/// process.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SecurityOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int MaxAddresses = 100_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="address"/> must wait before it may try again, or null when it may now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = clock.GetUtcNow();
        lock (_failures)
        {
            if (!_failures.TryGetValue(address, out var failures))
            {
                return null;
            }

            Expire(failures, now);
            return failures.Count >= options.Value.SignInFailuresPerAddress ? failures.Peek() + Window - now : null;
        }
    }

    public void RecordFailure(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = clock.GetUtcNow();
        lock (_failures)
        {
            if (_failures.Count >= MaxAddresses)
            {
                foreach (var (key, old) in _failures.ToList())
                {
                    Expire(old, now);
                    if (old.Count == 0)
                    {
                        _failures.Remove(key);
                    }
                }
            }

            if (!_failures.TryGetValue(address, out var failures))
            {
                _failures[address] = failures = new Queue<DateTimeOffset>();
            }

            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now)
        {
            failures.Dequeue();
        }
    }
}
