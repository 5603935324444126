using ImageLab.Web.Intake;

namespace ImageLab.Web.Tests.Intake;

public sealed class DockerfileNamingTests
{
    [Fact]
    public void FindIterations_MixedNames_DockerfilesInNaturalOrder()
    {
        // Arrange
        string[] paths = ["main.py", "Dockerfile.v10", "Dockerfile.v2", "Dockerfile", "slim.Dockerfile", "docs/Dockerfile.old", "Dockerfile.dockerignore", ".dockerignore", "Dockerfiles.txt"];

        // Act
        var found = DockerfileNaming.FindIterations(paths).ToList();

        // Assert
        Assert.Equal(["Dockerfile", "Dockerfile.v2", "Dockerfile.v10", "docs/Dockerfile.old", "slim.Dockerfile"], found);
    }

    [Theory]
    [InlineData("Dockerfile", "Dockerfile")]
    [InlineData("Dockerfile.2-slim", "2-slim")]
    [InlineData("ops/alpine.Dockerfile", "alpine")]
    public void IterationName_Path_NameShownToUsers(string path, string expected) =>
        Assert.Equal(expected, DockerfileNaming.IterationName(path));
}
