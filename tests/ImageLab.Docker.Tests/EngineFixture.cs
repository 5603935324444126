using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Builds;
using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;

namespace ImageLab.Docker.Tests;

/// <summary>
/// The real Docker engine the tests run against, from <c>IMAGELAB_TEST_DOCKER_ENDPOINT</c>. A missing
/// variable or an unreachable engine fails every test of the collection: they never skip into a
/// green run. Every image a test builds is tagged uniquely, labelled <c>imagelab.test=true</c> and
/// removed when the collection ends.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string EndpointVariable = "IMAGELAB_TEST_DOCKER_ENDPOINT";

    private readonly ConcurrentBag<string> _images = [];
    private readonly ConcurrentBag<string> _folders = [];

    public EngineFixture()
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException(
                $"{EndpointVariable} is not set: the Docker engine tests need a real engine (scripts/test.sh starts one and sets it).");
        }

        Endpoint = endpoint;
        Engine = new DockerEngine(new DockerOptions { Endpoint = endpoint });
    }

    public string Endpoint { get; }

    public DockerEngine Engine { get; }

    public EngineInfo Info { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            Info = await Engine.GetInfoAsync(CancellationToken.None);
        }
        catch (DockerEngineUnavailableException ex)
        {
            throw new InvalidOperationException($"{EndpointVariable}={Endpoint} does not answer: {ex.Message}", ex);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var image in _images)
        {
            await Engine.RemoveImageAsync(image, CancellationToken.None);
        }

        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A fresh tag under <c>imagelab-test/</c>, removed when the collection ends.</summary>
    public string NewTag()
    {
        var tag = $"imagelab-test/{Guid.NewGuid():N}:latest";
        _images.Add(tag);
        return tag;
    }

    /// <summary>Removes an image id too when the collection ends (for images whose tag moved).</summary>
    public void Track(string image) => _images.Add(image);

    /// <summary>A temporary folder holding <paramref name="files"/> (text or bytes), deleted at the end.</summary>
    public string CreateContext(IReadOnlyDictionary<string, object> files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "imagelab-docker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            switch (content)
            {
                case byte[] bytes:
                    File.WriteAllBytes(full, bytes);
                    break;
                default:
                    File.WriteAllText(full, content.ToString());
                    break;
            }
        }

        return folder;
    }

    /// <summary>Packages a folder and builds it, recording every event in order.</summary>
    public async Task<BuildRun> BuildAsync(
        string folder,
        BuilderKind builder,
        string dockerfile = "Dockerfile",
        BuildNetworkMode network = BuildNetworkMode.None,
        bool noCache = false,
        CancellationToken cancellationToken = default)
    {
        var tag = NewTag();
        var recorder = new EventRecorder();
        var request = new BuildRequest
        {
            DockerfilePath = dockerfile,
            Builder = builder,
            NetworkMode = network,
            NoCache = noCache,
            Tags = [tag],
            Labels = new Dictionary<string, string> { ["imagelab.test"] = "true" },
        };
        var options = new BuildContextOptions { DockerfilePaths = [dockerfile] };
        await using var context = BuildContextStream.Start(
            (output, ct) => BuildContextWriter.WriteDirectoryAsync(folder, output, options, ct),
            cancellationToken);
        var result = await Engine.BuildAsync(request, context, recorder, cancellationToken);
        if (result.ImageId is { } id)
        {
            _images.Add(id);
        }

        return new BuildRun(tag, result, recorder.Events);
    }

    /// <summary>Runs the docker command-line client against the test engine and returns its output.</summary>
    public async Task<string> DockerCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-H");
        start.ArgumentList.Add(Endpoint);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    public async Task<JsonElement> DockerInspectAsync(string image)
    {
        using var document = JsonDocument.Parse(await DockerCliAsync("image", "inspect", image));
        return document.RootElement[0].Clone();
    }

    public async Task<IReadOnlyList<JsonElement>> DockerHistoryAsync(string image)
    {
        var lines = await DockerCliAsync("history", "--no-trunc", "--human=false", "--format", "{{json .}}", image);
        return [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}

public sealed record BuildRun(string Tag, BuildResult Result, IReadOnlyList<BuildEvent> Events)
{
    public IEnumerable<string> LogLines => Events.Where(e => e.Kind == BuildEventKind.Log).Select(e => e.Text ?? string.Empty);

    public override string ToString() =>
        $"{Result}\n{string.Join('\n', Events.Select(e => $"{e.Kind} {e.Step}/{e.TotalSteps} {(e.Cached ? "CACHED " : "")}{e.Stage} {e.Text}"))}";
}

/// <summary>Keeps events in the order they were reported (Progress&lt;T&gt; would post them to the thread pool).</summary>
public sealed class EventRecorder : IProgress<BuildEvent>
{
    private readonly List<BuildEvent> _events = [];
    private readonly Lock _gate = new();

    public event Action<BuildEvent>? Reported;

    public IReadOnlyList<BuildEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Report(BuildEvent value)
    {
        lock (_gate)
        {
            _events.Add(value);
        }

        Reported?.Invoke(value);
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "Docker engine";
}
