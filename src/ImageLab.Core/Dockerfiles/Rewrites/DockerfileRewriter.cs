namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Writes the next iteration of a Dockerfile: applies every rewrite in turn, each to the previous one's output, and
/// names the ones that changed something. The order matters: the large context files go first (they are found from the
/// source's own COPY instructions, so what a suggestion leaves out of its context is known from its source alone), the split
/// comes before npm's --omit=dev (a split Node build no longer installs in the runtime stage), before the apt lists cleanup (which
/// cleans only stages that reach the image) and the join (the split can bring two RUNs together), the apt lists cleanup
/// before the join (which then sees a later RUN deleting the lists an earlier one downloaded), and the slim base last,
/// after the split made the runtime stage the final one.
/// <list type="table">
/// <listheader><term>Id</term><description>Rewrite (rules it answers)</description></listheader>
/// <item><term>context-files-out</term><description>.dockerignore entries for large context files the final image copies but never uses, and model weights, with a note to mount the weights at run time (IL005, IL004).</description></item>
/// <item><term>apt-no-install-recommends</term><description>apt-get install --no-install-recommends (DL3015).</description></item>
/// <item><term>pip-no-cache-dir</term><description>pip install --no-cache-dir (DL3042).</description></item>
/// <item><term>apk-no-cache</term><description>apk add --no-cache (DL3019).</description></item>
/// <item><term>multi-stage-split</term><description>Builder stage for a single-stage build with a toolchain, or a Node build with dev dependencies (IL001).</description></item>
/// <item><term>npm-omit-dev</term><description>npm ci --omit=dev where no npm script runs later.</description></item>
/// <item><term>apt-lists-cleanup</term><description>rm -rf /var/lib/apt/lists/* at the end of the last apt RUN of a stage in the image (DL3009).</description></item>
/// <item><term>join-runs</term><description>Two RUNs in a row joined when the later deletes what the earlier made (IL006, DL3059).</description></item>
/// <item><term>scratch-base</term><description>FROM scratch for a final stage of statically linked programs from a builder (a plain C link gets -static); before the slim base, which then finds nothing to do (IL002).</description></item>
/// <item><term>smaller-base</term><description>The slim variant of a full final base, when on the engine or allowed (IL002).</description></item>
/// </list>
/// </summary>
public sealed class DockerfileRewriter
{
    /// <summary>A rewriter with every built-in rewrite.</summary>
    public DockerfileRewriter()
        : this(CreateDefaultRewrites())
    {
    }

    /// <summary>A rewriter with the given rewrites, applied in this order.</summary>
    public DockerfileRewriter(IEnumerable<IDockerfileRewrite> rewrites)
    {
        ArgumentNullException.ThrowIfNull(rewrites);
        Rewrites = rewrites.ToList();
    }

    /// <summary>The rewrites, in the order they are applied.</summary>
    public IReadOnlyList<IDockerfileRewrite> Rewrites { get; }

    /// <summary>A new instance of every built-in rewrite, in the order they are applied.</summary>
    public static IReadOnlyList<IDockerfileRewrite> CreateDefaultRewrites() =>
    [
        new ContextFilesOutRewrite(),
        new AptNoInstallRecommendsRewrite(),
        new PipNoCacheDirRewrite(),
        new ApkNoCacheRewrite(),
        new MultiStageSplitRewrite(),
        new NpmOmitDevRewrite(),
        new AptListsCleanupRewrite(),
        new JoinRunsRewrite(),
        new ScratchBaseRewrite(),
        new SmallerBaseRewrite(),
    ];

    /// <summary>
    /// Applies every rewrite except those in <paramref name="excluded"/> (by id). Each transformation's line is where it
    /// changes the source when applied alone, else where it changed the text it was applied to.
    /// </summary>
    public DockerfileSuggestion Suggest(string dockerfile, DockerfileRewriteOptions? options = null, IReadOnlyCollection<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var source = new DockerfileRewriteContext(dockerfile, options);
        var current = source;
        string? dockerIgnore = null;
        var applied = new List<AppliedRewrite>();
        foreach (var rewrite in Rewrites.Where(r => excluded?.Contains(r.Id) != true))
        {
            if (rewrite.Apply(current) is not { } result)
            {
                continue;
            }

            applied.Add(new AppliedRewrite(rewrite.Id, rewrite.Title, rewrite.Apply(source)?.Line ?? result.Line));
            dockerIgnore = result.DockerIgnore ?? dockerIgnore;
            current = new DockerfileRewriteContext(result.Text, dockerIgnore is null ? current.Options : current.Options with { DockerIgnore = dockerIgnore });
        }

        return new DockerfileSuggestion(current.Text, applied, dockerIgnore);
    }

    /// <summary>
    /// The Dockerfiles an ablation build makes to measure what the transformation <paramref name="id"/> of a suggestion
    /// saves: the source with that rewrite on top of the prerequisites it declares (those the suggestion has), or, for a
    /// rewrite that applies only on top of others of the suggestion (the join after the apt lists cleanup), with the
    /// fewest of the earlier ones it needs; both named in <see cref="DockerfileAblation.BuiltWith"/> and applied alone
    /// in <see cref="DockerfileAblation.Baseline"/>. <see langword="null"/> when it changes nothing that way.
    /// </summary>
    public DockerfileAblation? Ablate(string dockerfile, string id, IReadOnlyList<string> suggested, DockerfileRewriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        ArgumentNullException.ThrowIfNull(suggested);
        var declared = Rewrites.FirstOrDefault(r => r.Id == id)?.Prerequisites.Where(suggested.Contains).ToList() ?? [];
        var needs = Only(dockerfile, id, declared, options) is null ? suggested.TakeWhile(s => s != id).Union(declared).ToList() : declared;
        if (Only(dockerfile, id, needs, options) is null)
        {
            return null;
        }

        foreach (var candidate in needs.Except(declared).ToList())
        {
            if (Only(dockerfile, id, needs.Where(n => n != candidate).ToList(), options) is not null)
            {
                needs.Remove(candidate);
            }
        }

        var baseline = needs.Count == 0 ? new DockerfileSuggestion(dockerfile, []) : Suggest(dockerfile, options, Rewrites.Select(r => r.Id).Except(needs).ToList());
        var ablation = Only(dockerfile, id, needs, options)!;
        return new DockerfileAblation(ablation.Text, needs, baseline.Text, ablation.DockerIgnore, baseline.DockerIgnore);
    }

    // The source with only the given rewrites applied, in the rewriter's order; null when 'id' is not among those that changed it.
    private DockerfileSuggestion? Only(string dockerfile, string id, IReadOnlyList<string> with, DockerfileRewriteOptions? options)
    {
        var suggestion = Suggest(dockerfile, options, Rewrites.Select(r => r.Id).Where(r => r != id && !with.Contains(r)).ToList());
        return suggestion.Transformations.Any(t => t.Id == id) ? suggestion : null;
    }
}
