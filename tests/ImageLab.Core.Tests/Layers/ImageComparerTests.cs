using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Layers;

public sealed class ImageComparerTests
{
    [Fact]
    public async Task Compare_SharedBaseDifferentTop_AlignsLayersAndDiffsFiles()
    {
        // Arrange
        var baseLayer = new LayerTarBuilder().Directory("bin").File("bin/sh", 1000).File("bin/ls", 200).Build();
        var topA = new LayerTarBuilder().Directory("app").File("app/main", 300).File("app/only-a", 40).Build();
        var topB = new LayerTarBuilder().Directory("app").File("app/main", 350).File("app/only-b", 60).Whiteout("bin/ls").Build();
        var a = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save([baseLayer, topA]));
        var b = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save([baseLayer, topB], SaveLayout.Oci));

        // Act
        var comparison = ImageComparer.Compare(a, b);

        // Assert
        Assert.Equal(3, comparison.Layers.Count);
        Assert.Equal((0, 0), (comparison.Layers[0].IndexInA, comparison.Layers[0].IndexInB));
        Assert.Equal((1, (int?)null), (comparison.Layers[1].IndexInA, comparison.Layers[1].IndexInB));
        Assert.Equal(((int?)null, 1), (comparison.Layers[2].IndexInA, comparison.Layers[2].IndexInB));
        Assert.Equal(1200, comparison.SharedLayerBytes);
        Assert.Equal(["/bin/ls", "/app/only-a"], comparison.OnlyInA.Select(d => d.Path));
        Assert.Equal(240, comparison.BytesOnlyInA);
        Assert.Equal("/app/only-b", Assert.Single(comparison.OnlyInB).Path);
        Assert.Equal(60, comparison.BytesOnlyInB);
        var changed = Assert.Single(comparison.Changed);
        Assert.Equal(("/app/main", 300L, 350L, 50L), (changed.Path, changed.SizeInA!.Value, changed.SizeInB!.Value, changed.DeltaBytes));
        Assert.Equal(50, comparison.ChangedDeltaBytes);
        Assert.Equal(b.ContentBytes - a.ContentBytes, comparison.DeltaBytes);
    }
}
