using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// Runs every rule over a Dockerfile and returns the findings ordered by line. Rules that concern the final image
/// look only at the target stage (<see cref="DockerfileAdvisorOptions.Target"/>, else the last stage) and the stages
/// it is based on; cache rules also report builder stages, as info. A BuildKit cache mount
/// (<c>RUN --mount=type=cache,target=...</c>) on the RUN counts as the fix for every cache rule.
/// <list type="table">
/// <listheader><term>Id</term><description>Rule</description></listheader>
/// <item><term>IL000</term><description>Error: the parser's errors (unknown instruction, missing FROM, unterminated here-document, bad ARG/ENV...).</description></item>
/// <item><term>DL3009</term><description>Warning: apt package lists not deleted in the RUN that downloaded them.</description></item>
/// <item><term>DL3015</term><description>Warning: apt-get install without --no-install-recommends.</description></item>
/// <item><term>DL3019</term><description>Warning: apk add without --no-cache.</description></item>
/// <item><term>DL3032</term><description>Warning: yum install without yum clean all in the same RUN.</description></item>
/// <item><term>DL3036</term><description>Warning: zypper install without zypper clean in the same RUN.</description></item>
/// <item><term>DL3040</term><description>Warning: dnf/microdnf install without dnf clean all in the same RUN.</description></item>
/// <item><term>DL3042</term><description>Warning: pip install without --no-cache-dir (PIP_NO_CACHE_DIR or a cache mount also fix it).</description></item>
/// <item><term>DL3046</term><description>Warning: useradd of a UID above 65535 without -l.</description></item>
/// <item><term>DL3059</term><description>Info: consecutive RUN instructions that could be one layer.</description></item>
/// <item><term>DL3060</term><description>Warning: yarn install without yarn cache clean in the same RUN.</description></item>
/// <item><term>IL001</term><description>Warning: build tools (gcc, make, build-essential, *-dev...) installed in the final image.</description></item>
/// <item><term>IL002</term><description>Warning (info for debian/ubuntu): final stage on a full, non-slim image of a known family.</description></item>
/// <item><term>IL003</term><description>Warning: the final stage copies a builder's whole filesystem (COPY --from=x / /).</description></item>
/// <item><term>IL004</term><description>Warning: COPY . . while the build context has no .dockerignore (needs the context's file list).</description></item>
/// <item><term>IL005</term><description>Warning: a context file of 100 MB or more copied into the image; info when the source merely looks like model weights.</description></item>
/// <item><term>IL006</term><description>Warning: a cache removed in a later RUN than the one that created it, which saves nothing.</description></item>
/// <item><term>IL007</term><description>Warning: uv pip install / uv sync without --no-cache (UV_NO_CACHE or a cache mount also fix it).</description></item>
/// <item><term>IL008</term><description>Warning: apt-get upgrade / dist-upgrade.</description></item>
/// <item><term>IL009</term><description>Warning: ADD of a URL or of a zip; info for ADD of a local tar archive.</description></item>
/// <item><term>IL010</term><description>Warning: base image untagged or tagged latest (not scratch, earlier stages or digests).</description></item>
/// </list>
/// </summary>
public sealed class DockerfileAdvisor
{
    /// <summary>An advisor with every built-in rule.</summary>
    public DockerfileAdvisor()
        : this(CreateDefaultRules())
    {
    }

    /// <summary>An advisor with the given rules.</summary>
    public DockerfileAdvisor(IEnumerable<IDockerfileRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToList();
    }

    /// <summary>The rules this advisor runs.</summary>
    public IReadOnlyList<IDockerfileRule> Rules { get; }

    /// <summary>A new instance of every built-in rule.</summary>
    public static IReadOnlyList<IDockerfileRule> CreateDefaultRules() =>
    [
        new ParseErrorRule(),
        new AptListsNotRemovedRule(),
        new AptNoInstallRecommendsRule(),
        new ApkNoCacheRule(),
        new YumCleanRule(),
        new ZypperCleanRule(),
        new DnfCleanRule(),
        new PipNoCacheDirRule(),
        new UseraddHighUidRule(),
        new ConsecutiveRunRule(),
        new YarnCacheCleanRule(),
        new BuildToolsInFinalImageRule(),
        new FullBaseImageRule(),
        new CopyWholeFilesystemRule(),
        new CopyContextWithoutDockerignoreRule(),
        new LargeContextFileCopiedRule(),
        new CacheRemovedInLaterLayerRule(),
        new UvNoCacheRule(),
        new AptUpgradeRule(),
        new AddUrlOrArchiveRule(),
        new UnpinnedBaseImageRule(),
    ];

    /// <summary>Parses <paramref name="dockerfile"/> and runs every rule over it. Never throws for any text.</summary>
    public DockerfileAnalysis Analyze(string dockerfile, DockerfileAdvisorOptions? options = null)
    {
        var document = DockerfileParser.Parse(dockerfile);
        return new DockerfileAnalysis(document, Analyze(document, options));
    }

    /// <summary>Runs every rule over a parsed Dockerfile and returns the findings ordered by line, then rule id.</summary>
    public IReadOnlyList<Finding> Analyze(DockerfileDocument document, DockerfileAdvisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var context = new DockerfileRuleContext(document, options);
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            try
            {
                findings.AddRange(rule.Evaluate(context));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                findings.Add(new Finding(
                    rule.Id,
                    FindingSeverity.Info,
                    1,
                    $"Rule {rule.Id} could not check this Dockerfile ({exception.GetType().Name}).",
                    "Please report this Dockerfile so the rule can be fixed.",
                    null));
            }
        }

        findings.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return findings;
    }
}
