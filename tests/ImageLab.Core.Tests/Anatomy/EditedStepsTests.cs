using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Tests.Anatomy;

public sealed class EditedStepsTests
{
    // Each step is written as its key; the keyword is its first word. "base" stands for the base image.
    [Theory]
    [InlineData("base|COPY a|RUN apt-get install x|COPY . .", "base|COPY a|RUN apt-get install --no-install-recommends x|COPY . .", "RUN apt-get install x>RUN apt-get install --no-install-recommends x")]
    [InlineData("COPY a|RUN make", "COPY a|RUN make|RUN strip", "")]
    [InlineData("COPY a|RUN make", "COPY a", "")]
    [InlineData("COPY a|RUN make", "COPY b|RUN make", "COPY a>COPY b")]
    [InlineData("COPY a|RUN make", "ADD a|RUN make", "")]
    [InlineData("RUN a|COPY x|RUN b", "RUN c|COPY y|RUN d", "RUN a>RUN c;COPY x>COPY y;RUN b>RUN d")]
    [InlineData("RUN a|COPY . .|RUN b", "RUN c|COPY . .|RUN d", "RUN a>RUN c;RUN b>RUN d")]
    [InlineData("RUN a|COPY . .", "COPY . .|RUN a2", "")]
    [InlineData("RUN a|RUN b|COPY . .", "RUN b2|COPY . .", "RUN a>RUN b2")]
    [InlineData("COPY x|RUN a", "RUN b|COPY y|RUN c", "COPY x>COPY y;RUN a>RUN c")]
    [InlineData("base|RUN a", "RUN a", "")]
    public void Match_TwoSequencesOfSteps_PairsTheEditedOnes(string before, string after, string expected)
    {
        // Arrange
        var older = Steps(before);
        var newer = Steps(after);

        // Act
        var pairs = EditedSteps.Match(older, newer);

        // Assert
        Assert.Equal(expected, string.Join(';', pairs.Select(pair => $"{pair.Before}>{pair.After}")));
    }

    [Fact]
    public void Match_RandomSteps_PairsOnlyStepsOfOneImageWithTheSameKeywordEachOnce()
    {
        // Arrange: many random pairs of Dockerfiles drawn from a few instructions.
        var random = new Random(15);
        string[] pool = ["RUN a", "RUN b", "RUN c", "COPY x", "COPY y", "ADD z", "WORKDIR /w", "base"];
        for (var trial = 0; trial < 500; trial++)
        {
            var older = Steps(string.Join('|', Enumerable.Range(0, random.Next(0, 7)).Select(_ => pool[random.Next(pool.Length)])));
            var newer = Steps(string.Join('|', Enumerable.Range(0, random.Next(0, 7)).Select(_ => pool[random.Next(pool.Length)])));

            // Act
            var pairs = EditedSteps.Match(older, newer);

            // Assert
            var olderKeys = older.Select(step => step.Key).ToHashSet();
            var newerKeys = newer.Select(step => step.Key).ToHashSet();
            foreach (var (was, now) in pairs)
            {
                Assert.True(olderKeys.Contains(was) && !newerKeys.Contains(was), $"{was} is only in the older image");
                Assert.True(newerKeys.Contains(now) && !olderKeys.Contains(now), $"{now} is only in the newer image");
                Assert.Equal(was.Split(' ')[0], now.Split(' ')[0]);
            }
            Assert.Equal(pairs.Count, pairs.Select(pair => pair.Before).Distinct().Count());
            Assert.Equal(pairs.Count, pairs.Select(pair => pair.After).Distinct().Count());
            Assert.Empty(EditedSteps.Match(older, older));
        }
    }

    private static List<LayerSource> Steps(string steps) =>
        [.. steps.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(step => step == "base" ? new LayerSource(LayerSource.BaseImageKey, "base image") : new LayerSource(step, $"`{step}`", step))];
}
