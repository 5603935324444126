using System.Globalization;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// DL3046: <c>useradd</c> with a high UID and without <c>-l</c> (<c>--no-log-init</c>) writes sparse lastlog and faillog
/// files whose size grows with the UID; the layer stores them at full size.
/// </summary>
public sealed class UseraddHighUidRule : IDockerfileRule
{
    /// <summary>UIDs above this make lastlog large enough to matter (tens of MB).</summary>
    public const long HighUid = 65535;

    /// <inheritdoc/>
    public string Id => "DL3046";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var run in context.InstructionsOf("RUN"))
        {
            foreach (var command in context.GetCommands(run))
            {
                if (!command.Is("useradd") || command.HasOption("no-log-init", 'l'))
                {
                    continue;
                }

                var uidText = command.GetOptionValue("uid", 'u');
                if (uidText is null || !long.TryParse(uidText, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || uid <= HighUid)
                {
                    continue;
                }

                yield return new Finding(
                    Id,
                    context.SeverityFor(run, FindingSeverity.Warning),
                    run.StartLine,
                    $"useradd on line {run.StartLine} creates UID {uid} without -l, so /var/log/lastlog and faillog grow to about {ByteSize.Format(uid * 292)} and are stored in full in the layer.{context.StageNote(run)}",
                    "Add -l (--no-log-init) to useradd.",
                    FindingCategories.Layers);
                break;
            }
        }
    }
}
