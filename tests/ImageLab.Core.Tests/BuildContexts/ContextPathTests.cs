using ImageLab.Core.BuildContexts;

namespace ImageLab.Core.Tests.BuildContexts;

public sealed class ContextPathTests
{
    [Theory]
    [InlineData("./a//b/", "a/b")]
    [InlineData("a/./b/../c", "a/c")]
    [InlineData(".", "")]
    public void Normalize_RelativePath_CleanedLikeGo(string path, string expected) =>
        Assert.Equal(expected, ContextPath.Normalize(path, "File"));

    [Theory]
    [InlineData("../x", "File '../x' points outside the build context.")]
    [InlineData("/etc/x", "File '/etc/x' is an absolute path; paths in a build context must be relative to it.")]
    public void Normalize_PathLeavingTheContext_Refused(string path, string expected) =>
        Assert.Equal(expected, Assert.Throws<BuildContextException>(() => ContextPath.Normalize(path, "File")).Message);

    [Theory]
    [InlineData("./Dockerfile", "Dockerfile")]
    [InlineData("/app/./main.py", "app/main.py")]
    [InlineData("app\\main.py", "app/main.py")]
    [InlineData("./", "")]
    [InlineData("../up", "../up")]
    public void Clean_NameToLookUp_TidiedWithoutRefusing(string path, string expected) =>
        Assert.Equal(expected, ContextPath.Clean(path));
}
