using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Advice;

/// <summary>Builds <c>docker history</c> rows, bottom first, as the worker stores them.</summary>
internal static class Layers
{
    public const long MB = 1_000_000;

    /// <summary>A base-image layer.</summary>
    public static (long Size, int? Line, bool FromBase) Base(long size) => (size, null, true);

    /// <summary>An own layer made by the instruction on <paramref name="line"/>.</summary>
    public static (long Size, int? Line, bool FromBase) Own(int line, long size) => (size, line, false);

    public static IReadOnlyList<LayerDetails> Of(params (long Size, int? Line, bool FromBase)[] rows) =>
        rows.Select((row, index) => new LayerDetails(
            index, $"sha256:{index}", row.FromBase ? "/bin/sh -c #(nop) base" : $"line {row.Line}", row.Size,
            DateTimeOffset.UnixEpoch, "", row.Size == 0, row.FromBase, row.FromBase ? null : "RUN", row.Line)).ToList();

    /// <summary>lesson-1-naive as built: three base layers of 1 GB in all, then WORKDIR, two apt RUNs, COPY, pip RUN, EXPOSE, CMD.</summary>
    public static IReadOnlyList<LayerDetails> Naive() => Of(
        Base(500 * MB), Base(300 * MB), Base(200 * MB),
        Own(4, 0), Own(5, 50 * MB), Own(6, 250 * MB), Own(7, 2_000), Own(8, 120 * MB), Own(9, 0), Own(10, 0));
}
