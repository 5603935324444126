using ImageLab.Core.BuildContexts;

namespace ImageLab.Core.Tests.BuildContexts;

public sealed class ContextArchiveFormatsTests
{
    [Theory]
    [InlineData("context.tar", ".tar")]
    [InlineData("context.TAR.GZ", ".tar.gz")]
    [InlineData("context.tgz", ".tgz")]
    [InlineData("context.zip", ".zip")]
    public void ExtensionOf_KnownArchive_ItsExtension(string fileName, string expected) =>
        Assert.Equal(expected, ContextArchiveFormats.ExtensionOf(fileName));

    [Theory]
    [InlineData("context.tar.xz")]
    [InlineData("Dockerfile")]
    [InlineData("notes.gz")]
    public void IsArchive_OtherFile_False(string fileName) => Assert.False(ContextArchiveFormats.IsArchive(fileName));
}
