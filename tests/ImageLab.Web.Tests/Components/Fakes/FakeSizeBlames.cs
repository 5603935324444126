using ImageLab.Core.Anatomy;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>Blames a test sets per pair of iterations; any other pair is refused as an analysis not yet stored.</summary>
public sealed class FakeSizeBlames : ISizeBlames
{
    public const string Unavailable = "The layer analysis is still running.";

    private readonly Dictionary<(long Before, long After), SizeBlame> _blames = [];

    public int Calls { get; private set; }

    public void Set(long before, long after, SizeBlame blame) => _blames[(before, after)] = blame;

    public Task<SizeBlame> BlameAsync(long before, long after, CancellationToken cancellationToken)
    {
        Calls++;
        return _blames.TryGetValue((before, after), out var blame)
            ? Task.FromResult(blame)
            : Task.FromException<SizeBlame>(new ActionRefusedException(Refusal.Unavailable, Unavailable));
    }
}
