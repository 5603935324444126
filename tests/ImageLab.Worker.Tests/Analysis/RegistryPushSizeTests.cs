using System.Net.Http.Headers;
using System.Text.Json;
using ImageLab.Testing;
using Xunit.Abstractions;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>
/// The push size ImageLab estimates against what a real registry stores: each analyzed image is pushed to the local
/// registry (scripts/services.sh starts it on 127.0.0.1) and its manifest's <c>layers[].size</c> compared.
/// </summary>
public sealed class RegistryPushSizeTests(LadderFixture ladder, ITestOutputHelper output) : IClassFixture<LadderFixture>
{
    private const double MaxImageDeviation = 0.02;

    [Fact]
    public async Task CompressedSize_LadderImages_WithinTwoPercentOfTheRegistryManifest()
    {
        var port = TestEnvironment.RegistryPort;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        foreach (var (iteration, analysis) in ladder.Experiment.Iterations.Zip(ladder.Analyses))
        {
            var repository = $"imagelab-tests/analysis-{iteration.Ordinal}";
            var tag = Guid.NewGuid().ToString("N")[..12];
            var reference = $"127.0.0.1:{port}/{repository}:{tag}";
            await DockerCli.RunAsync("tag", iteration.ImageId!, reference);
            try
            {
                await DockerCli.RunAsync("push", reference);
            }
            finally
            {
                await DockerCli.RunAsync("rmi", reference);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/manifests/{tag}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var registrySizes = manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("size").GetInt64()).ToList();

            Assert.Equal(registrySizes.Count, analysis.Layers.Count);
            for (var i = 0; i < registrySizes.Count; i++)
            {
                var estimate = analysis.Layers[i].CompressedSizeBytes!.Value;
                output.WriteLine($"{iteration.Name} layer {i}: registry {registrySizes[i]:N0} B, estimate {estimate:N0} B ({Deviation(estimate, registrySizes[i]):+0.00%;-0.00%})");
            }

            var total = registrySizes.Sum();
            var deviation = Deviation(analysis.CompressedSizeBytes!.Value, total);
            output.WriteLine($"{iteration.Name}: registry {total:N0} B, estimate {analysis.CompressedSizeBytes:N0} B ({deviation:+0.00%;-0.00%})");
            Assert.True(Math.Abs(deviation) <= MaxImageDeviation,
                $"{iteration.Name}: the push-size estimate {analysis.CompressedSizeBytes} is {deviation:P2} off the registry's {total}.");
        }
    }

    private static double Deviation(long estimate, long truth) => truth == 0 ? 0 : (double)(estimate - truth) / truth;
}
