using ImageLab.Core.Experiments;
using ImageLab.Worker.Analysis;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>Matching an image's layers to its history rows when rows of size 0 may or may not have written a layer.</summary>
public sealed class HistoryMatcherTests
{
    // A classic build of FROM busybox; ENV; WORKDIR /app; RUN: the WORKDIR wrote a layer of only a directory (size 0).
    private static readonly LayerDetails[] History =
    [
        Row(0, "/bin/sh -c #(nop) ADD file:busybox in / ", 4_261_000),
        Row(1, "/bin/sh -c #(nop)  ENV A=1", 0),
        Row(2, "/bin/sh -c #(nop) WORKDIR /app", 0),
        Row(3, "/bin/sh -c echo hi > /id", 3),
        Row(4, "/bin/sh -c #(nop)  CMD [\"sh\"]", 0),
    ];

    [Fact]
    public void Match_ZeroSizeRowWroteALayer_NoMatchBySizeAlone()
    {
        // Act
        var match = HistoryMatcher.Match(History, layerCount: 3, createdBy: null);

        // Assert
        Assert.Null(match);
    }

    [Fact]
    public void MatchKnown_TextsOfEarlierAnalyses_PicksTheRowsThatWroteTheLayers()
    {
        // Arrange
        var known = Known(("base", History[0].CreatedBy), ("workdir", History[2].CreatedBy), ("run", History[3].CreatedBy));

        // Act
        var match = HistoryMatcher.MatchKnown(History, ["base", "workdir", "run"], known);

        // Assert
        Assert.Equal([0, 2, 3], match!);
    }

    [Fact]
    public void MatchKnown_LayerNeverAnalyzed_NoMatch()
    {
        // Arrange
        var known = Known(("base", History[0].CreatedBy), ("run", History[3].CreatedBy));

        // Act
        var match = HistoryMatcher.MatchKnown(History, ["base", "workdir", "run"], known);

        // Assert
        Assert.Null(match);
    }

    [Fact]
    public void MatchKnown_KnownTextsOnlyBeforeTheLayersPlace_NoMatch()
    {
        // Arrange: the RUN layer was known from a step that in this history comes before the WORKDIR.
        var known = Known(("base", History[0].CreatedBy), ("workdir", History[3].CreatedBy), ("run", History[2].CreatedBy));

        // Act
        var match = HistoryMatcher.MatchKnown(History, ["base", "workdir", "run"], known);

        // Assert
        Assert.Null(match);
    }

    private static LayerDetails Row(int index, string createdBy, long size) =>
        new(index, $"sha256:{index}", createdBy, size, DateTimeOffset.UnixEpoch, "", size == 0, index == 0, null, null);

    private static Dictionary<string, IReadOnlySet<string>> Known(params (string DiffId, string CreatedBy)[] texts) =>
        texts.ToDictionary(t => t.DiffId, IReadOnlySet<string> (t) => new HashSet<string>([t.CreatedBy]), StringComparer.Ordinal);
}
