using System.Text;
using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Tests.Dockerfiles;

/// <summary>Property-style tests: whatever the text, parsing and advising never throw, and every error points into the file.</summary>
public sealed class DockerfileFuzzTests
{
    private static readonly string[] Fragments =
    [
        "FROM ", "from ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "ONBUILD ", "HEALTHCHECK ", "SHELL ", "CMD ", "AS ", " as ",
        "--from=", "--mount=type=cache,target=/root/.cache ", "--chown=1:1 ", "--", "<<EOF", "<<-EOF", "<<'X'", "EOF", "\tEOF",
        "\\", "`", "\n", "\r\n", "\r", " \\\n", " `\n", "#", "# escape=`\n", "# syntax=x\n", "${", "}", "$", "${A:-", "${A:+b}", ":-",
        "\"", "'", "[", "]", "[\"a\",", "\"b\"]", "=", "&&", "||", ";", "|", "(", ")", "$(", "apt-get install -y gcc ", "pip install x ",
        "apk add ", "rm -rf /var/lib/apt/lists/* ", "useradd -u 99999999 ", "python:3.12", "scratch", "/", ".", " ", "\t", "\uFEFF",
        "0", "1", "99999999999999999999", "é", "\u0000", "AS x", "FROM a AS b\n", "COPY --from=b / /\n",
    ];

    [Fact]
    public void Parse_RandomFragments_NeverThrowsAndErrorsPointIntoTheFile()
    {
        // Arrange
        var random = new Random(20240611);
        var advisor = new DockerfileAdvisor();
        var options = new DockerfileAdvisorOptions { ContextFiles = [new DockerfileContextFile("model.bin", 500L * 1024 * 1024)] };

        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 40);
            for (var i = 0; i < count; i++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
            }

            // Act + Assert
            AssertWellBehaved(advisor, builder.ToString(), options);
        }
    }

    [Fact]
    public void Parse_MutatedCorpus_NeverThrowsAndErrorsPointIntoTheFile()
    {
        // Arrange
        var random = new Random(7);
        var advisor = new DockerfileAdvisor();
        var corpus = Corpus.Names.Select(Corpus.Read).ToList();

        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var text = new StringBuilder(corpus[random.Next(corpus.Count)]);
            var mutations = random.Next(1, 8);
            for (var m = 0; m < mutations && text.Length > 0; m++)
            {
                var position = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0:
                        text.Remove(position, Math.Min(random.Next(1, 20), text.Length - position));
                        break;
                    case 1:
                        text.Insert(position, Fragments[random.Next(Fragments.Length)]);
                        break;
                    case 2:
                        text[position] = (char)random.Next(0, 128);
                        break;
                    default:
                        var start = random.Next(text.Length);
                        var length = Math.Min(random.Next(1, 80), text.Length - start);
                        text.Insert(position, text.ToString(start, length));
                        break;
                }
            }

            // Act + Assert
            AssertWellBehaved(advisor, text.ToString(), null);
        }
    }

    [Fact]
    public void Parse_TruncatedCorpusAtEveryLine_NeverThrows()
    {
        // Arrange
        var advisor = new DockerfileAdvisor();

        foreach (var text in Corpus.Names.Select(Corpus.Read))
        {
            var lines = text.Split('\n');
            for (var keep = 0; keep <= lines.Length; keep++)
            {
                // Act + Assert
                AssertWellBehaved(advisor, string.Join('\n', lines.Take(keep)), null);
            }
        }
    }

    private static void AssertWellBehaved(DockerfileAdvisor advisor, string text, DockerfileAdvisorOptions? options)
    {
        var analysis = advisor.Analyze(text, options);
        var document = analysis.Document;
        var lastLine = Math.Max(1, document.LineCount);
        foreach (var error in document.Errors)
        {
            Assert.InRange(error.Line, 1, lastLine);
            Assert.DoesNotContain("failed unexpectedly", error.Message, StringComparison.Ordinal);
        }

        foreach (var finding in analysis.Findings)
        {
            Assert.InRange(finding.Line, 1, lastLine);
            Assert.DoesNotContain("could not check", finding.Message, StringComparison.Ordinal);
        }

        foreach (var instruction in document.Instructions)
        {
            Assert.InRange(instruction.StartLine, 1, lastLine);
            Assert.InRange(instruction.EndLine, instruction.StartLine, lastLine);
        }
    }
}
