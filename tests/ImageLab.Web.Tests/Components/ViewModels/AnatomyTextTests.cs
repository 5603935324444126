using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Web.Formatting;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class AnatomyTextTests
{
    [Theory]
    [InlineData("requested", new string[0], "requested")]
    [InlineData("dependency", new[] { "python3" }, "dependency of python3")]
    [InlineData("dependency", new[] { "a", "b", "c", "d", "e" }, "dependency of a, b, c and 2 more")]
    [InlineData("recommendsOnly", new[] { "libgssapi-krb5-2" }, "only recommended by libgssapi-krb5-2")]
    public void InstallReasonText_Describe_SaysWhyAptInstalledIt(string kind, string[] via, string expected)
    {
        var reason = new InstallReasonResponse(kind, via);

        var text = InstallReasonText.Describe(reason);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void InstallReasonText_NoReason_IsNull()
    {
        var text = InstallReasonText.Describe(null);

        Assert.Null(text);
    }

    [Theory]
    [InlineData(0, 5_000_000, "package `npm:left-pad@/app/node_modules` added (0 B → 5 MB)")]
    [InlineData(5_000_000, 0, "package `npm:left-pad@/app/node_modules` removed (5 MB → 0 B)")]
    [InlineData(5_000_000, 7_000_000, "package `npm:left-pad@/app/node_modules` grew (5 MB → 7 MB)")]
    public void SizeCauseText_Package_SaysAddedRemovedOrGrown(long before, long after, string expected)
    {
        var cause = new SizeCause(SizeCauseKind.Package, "npm:left-pad@/app/node_modules", before, after);

        var text = SizeCauseText.Describe(cause);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void SizeCauseText_Kind_NamesTheKindInWords()
    {
        var cause = new SizeCause(SizeCauseKind.Kind, nameof(ByteKind.Documentation), 30_000_000, 1_200_000);

        var text = SizeCauseText.Describe(cause);

        Assert.Equal("documentation shrank (30 MB → 1.2 MB)", text);
    }

    [Fact]
    public void SizeCauseText_EditedStep_IsOneChangeWithTheOldInstruction()
    {
        var cause = new SizeCause(SizeCauseKind.Line, "line 9 `RUN apt-get install -y --no-install-recommends gcc`", 89_000_000, 1_000_000,
            new SizeDetail("/usr/include", -88_000_000), Was: "RUN apt-get install -y gcc");

        var text = SizeCauseText.Describe(cause);

        Assert.Equal("line 9 `RUN apt-get install -y --no-install-recommends gcc` (changed from `RUN apt-get install -y gcc`) now brings less of `/usr/include` (−88 MB)", text);
    }

    [Fact]
    public void SizeCauseText_CodeSpans_OddPiecesAreCode()
    {
        var pieces = SizeCauseText.CodeSpans("layer 3 `COPY . .` now brings `/app` (+1 MB)");

        Assert.Equal(["layer 3 ", "COPY . .", " now brings ", "/app", " (+1 MB)"], pieces);
    }
}
