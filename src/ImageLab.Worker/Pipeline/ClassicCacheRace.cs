using System.Text.RegularExpressions;
using ImageLab.Core.Builds;
using ImageLab.Docker.Engine;

namespace ImageLab.Worker.Pipeline;

/// <summary>
/// moby's classic builder looks for a cached step among the children of the step's parent image (every parentless image
/// for <c>FROM scratch</c>): it lists them, then reads each, and fails the build with <c>unable to find image "sha256:…"</c>
/// when anyone on the engine removed one in between. Within one installation <see cref="EngineImageGate"/> keeps its own
/// removals and classic builds apart; another client of the engine (another ImageLab, <c>docker rmi</c>) still can, and
/// nothing is wrong with the Dockerfile then, so such a build is run once more.
/// </summary>
public static partial class ClassicCacheRace
{
    public const string Explanation =
        "The engine lost an image it was comparing this step with while it looked for a cached step (another build or a cleanup " +
        "removed it at that moment, a race of Docker's classic builder); building again.";

    public static bool LostAnImage(BuilderKind builder, BuildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return builder == BuilderKind.Classic && !result.Succeeded && result.Error is { } error && ImageGoneDuringProbe().IsMatch(error);
    }

    [GeneratedRegex("unable to find image \"sha256:[0-9a-f]{64}\"")]
    private static partial Regex ImageGoneDuringProbe();
}
