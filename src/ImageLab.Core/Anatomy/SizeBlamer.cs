namespace ImageLab.Core.Anatomy;

/// <summary>Builds a <see cref="SizeBlame"/> from two images' anatomies and what made each of their layers.</summary>
public static class SizeBlamer
{
    /// <summary>A step's detail descends into a folder while that folder holds at least this share of the change.</summary>
    private const double DetailShare = 0.8;

    public static SizeBlame Blame(
        ImageAnatomy before,
        IReadOnlyList<LayerSource> beforeLayers,
        ImageAnatomy after,
        IReadOnlyList<LayerSource> afterLayers)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(beforeLayers);
        ArgumentNullException.ThrowIfNull(afterLayers);

        var byPackage = Compare(
            before.Packages.ToDictionary(package => package.Key.ToString(), package => package.Bytes),
            after.Packages.ToDictionary(package => package.Key.ToString(), package => package.Bytes),
            SizeCauseKind.Package);
        var byKind = Compare(
            before.Kinds.ToDictionary(kind => kind.Kind.ToString(), kind => kind.Bytes),
            after.Kinds.ToDictionary(kind => kind.Kind.ToString(), kind => kind.Bytes),
            SizeCauseKind.Kind);
        return new SizeBlame(before.TotalBytes, after.TotalBytes, byPackage, byKind, ByLine(before, beforeLayers, after, afterLayers));
    }

    private static List<SizeCause> Compare(Dictionary<string, long> before, Dictionary<string, long> after, SizeCauseKind kind) =>
        [.. before.Keys.Union(after.Keys)
            .Select(subject => new SizeCause(kind, subject, before.GetValueOrDefault(subject), after.GetValueOrDefault(subject)))
            .Where(cause => cause.DeltaBytes != 0)
            .OrderByDescending(cause => Math.Abs(cause.DeltaBytes))
            .ThenBy(cause => cause.Subject, StringComparer.Ordinal)];

    private static List<SizeCause> ByLine(ImageAnatomy before, IReadOnlyList<LayerSource> beforeLayers, ImageAnatomy after, IReadOnlyList<LayerSource> afterLayers)
    {
        var beforeFiles = FilesByStep(before, beforeLayers);
        var afterFiles = FilesByStep(after, afterLayers);
        var beforeSources = Sources(beforeLayers);
        var afterSources = Sources(afterLayers);
        var edits = EditedSteps.Match(beforeLayers, afterLayers);
        var edited = edits.Select(edit => edit.Before).Concat(edits.Select(edit => edit.After)).ToHashSet(StringComparer.Ordinal);

        var causes = edits.Select(edit => Cause(
            afterSources[edit.After].Label, beforeFiles.GetValueOrDefault(edit.Before, []), afterFiles.GetValueOrDefault(edit.After, []),
            beforeSources[edit.Before].Code ?? beforeSources[edit.Before].Label));
        var same = beforeFiles.Keys.Union(afterFiles.Keys).Where(key => !edited.Contains(key)).Select(key => Cause(
            (afterSources.GetValueOrDefault(key) ?? beforeSources.GetValueOrDefault(key))?.Label ?? key, beforeFiles.GetValueOrDefault(key, []), afterFiles.GetValueOrDefault(key, []), was: null));
        return [.. causes.Concat(same)
            .Where(cause => cause.DeltaBytes != 0)
            .OrderByDescending(cause => Math.Abs(cause.DeltaBytes))
            .ThenBy(cause => cause.Subject, StringComparer.Ordinal)];
    }

    private static SizeCause Cause(string label, List<AttributedFile> before, List<AttributedFile> after, string? was) =>
        new(SizeCauseKind.Line, label, before.Sum(file => file.Bytes), after.Sum(file => file.Bytes), Explain(before, after), was);

    // Each step's source by its key (a layer without a source is labelled by its key, "layer 7").
    private static Dictionary<string, LayerSource> Sources(IReadOnlyList<LayerSource> layers)
    {
        var sources = new Dictionary<string, LayerSource>(StringComparer.Ordinal);
        foreach (var source in layers)
        {
            sources.TryAdd(source.Key, source);
        }
        return sources;
    }

    private static Dictionary<string, List<AttributedFile>> FilesByStep(ImageAnatomy anatomy, IReadOnlyList<LayerSource> layers)
    {
        var byStep = new Dictionary<string, List<AttributedFile>>(StringComparer.Ordinal);
        foreach (var file in anatomy.Files)
        {
            var key = file.LayerIndex < layers.Count ? layers[file.LayerIndex].Key : $"layer {file.LayerIndex + 1}";
            if (!byStep.TryGetValue(key, out var files))
            {
                byStep[key] = files = [];
            }
            files.Add(file);
        }
        return byStep;
    }

    /// <summary>
    /// The package, or else the deepest folder, holding most of a step's change: the largest package change when it
    /// explains at least <see cref="DetailShare"/> of it; otherwise the top folder with the largest change, then
    /// deeper while one child folder explains that share of its parent's.
    /// </summary>
    private static SizeDetail? Explain(List<AttributedFile> before, List<AttributedFile> after)
    {
        var delta = after.Sum(file => file.Bytes) - before.Sum(file => file.Bytes);
        if (delta == 0)
        {
            return null;
        }
        var package = Deltas(before, after, file => file.Owner?.ToString())
            .OrderByDescending(pair => pair.Value * Math.Sign(delta))
            .FirstOrDefault();
        if (package.Key is not null && package.Value * Math.Sign(delta) >= DetailShare * Math.Abs(delta))
        {
            return new SizeDetail(package.Key, package.Value);
        }

        var folder = "";
        var folderDelta = delta;
        while (true)
        {
            var prefix = folder + "/";
            var child = Deltas(
                    before.Where(file => file.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList(),
                    after.Where(file => file.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList(),
                    file => ChildFolder(file.Path, prefix))
                .OrderByDescending(pair => pair.Value * Math.Sign(delta))
                .FirstOrDefault();
            // The first level always names its largest folder; deeper levels only while one folder explains the share.
            if (child.Key is null || child.Value * Math.Sign(delta) <= 0
                || (folder.Length > 0 && child.Value * Math.Sign(delta) < DetailShare * Math.Abs(folderDelta)))
            {
                break;
            }
            folder = child.Key;
            folderDelta = child.Value;
        }
        return folder.Length == 0 ? null : new SizeDetail(folder, folderDelta);
    }

    /// <summary>The folder one level below <paramref name="prefix"/> that holds <paramref name="path"/>, or null for a file directly in it.</summary>
    private static string? ChildFolder(string path, string prefix)
    {
        var end = path.IndexOf('/', prefix.Length);
        return end < 0 ? null : path[..end];
    }

    private static Dictionary<string, long> Deltas(List<AttributedFile> before, List<AttributedFile> after, Func<AttributedFile, string?> keyOf)
    {
        var deltas = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (files, sign) in new[] { (before, -1L), (after, 1L) })
        {
            foreach (var file in files)
            {
                if (keyOf(file) is { } key)
                {
                    deltas[key] = deltas.GetValueOrDefault(key) + sign * file.Bytes;
                }
            }
        }
        return deltas;
    }
}
