using System.Diagnostics;
using System.Globalization;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Benchmarks.Dockerfiles;

/// <summary>
/// <c>advise-files FILE...</c>: the parser's and each rule's time on each Dockerfile (the best of three runs, in
/// milliseconds), to find which step of the analyze path a hostile input makes slow (bench/hostile-inputs.sh measures the
/// whole request).
/// </summary>
public static class AdviseFiles
{
    private const int Runs = 3;

    public static int Run(IReadOnlyList<string> files)
    {
        var rules = DockerfileAdvisor.CreateDefaultRules();
        Console.WriteLine("file\twhole ms\tparse ms\trules ms\tslowest rules (ms, each with its own shell parse)");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var parse = Best(() => DockerfileParser.Parse(text));
            var document = DockerfileParser.Parse(text);
            // A new context each run: it caches each RUN's shell commands, which the first rule to ask pays for.
            var perRule = rules.Select(rule => (rule.Id, Ms: Best(() => _ = rule.Evaluate(new DockerfileRuleContext(document, null)).Count()))).OrderByDescending(r => r.Ms).ToList();
            var whole = Best(() => _ = new DockerfileAdvisor().Analyze(text));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file)}\t{whole:F0}\t{parse:F0}\t{perRule.Sum(r => r.Ms):F0}\t{perRule[0].Id} ({perRule[0].Ms:F0}), {perRule[1].Id} ({perRule[1].Ms:F0})"));
        }

        return 0;
    }

    private static double Best(Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
