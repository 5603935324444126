using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Collections;
using ImageLab.Docker.Builds;
using ImageLab.Docker.BuildKit.Protos;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.BuildKit;

/// <summary>
/// BuildKit's stream: <c>{"id":"moby.buildkit.trace","aux":"&lt;base64 StatusResponse&gt;"}</c> lines
/// carry vertexes, their logs and warnings; <c>{"id":"moby.image.id","aux":{"ID":...}}</c> names the image.
/// </summary>
/// <remarks>
/// Steps are the vertexes named like Dockerfile instructions (<c>[2/5] RUN ...</c>,
/// <c>[builder 2/4] COPY ...</c>); <c>[internal] ...</c>, <c>exporting to image</c> and the like are not.
/// Each step is numbered 1, 2, 3... in the order BuildKit first reports it (within one message, after the vertexes it
/// takes as inputs), across all stages, and
/// the total is the larger of the steps seen so far and the sum of the <c>M</c> of <c>N/M</c> over the
/// stages seen so far: exact for one stage, growing as BuildKit reaches further stages.
/// </remarks>
internal sealed partial class BuildKitProgressTranslator(IProgress<BuildEvent>? progress) : BuildProgressTranslator(progress)
{
    private readonly Dictionary<string, VertexState> _vertexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stageTotals = new(StringComparer.Ordinal);
    private int _steps;
    private int _cached;

    public override int TotalSteps => Math.Max(_steps, _stageTotals.Values.Sum());

    public override int CachedSteps => _cached;

    public override void OnEnd()
    {
        foreach (var vertex in _vertexes.Values)
        {
            FlushLog(vertex, final: true);
        }

        if (Error is null && ImageId is not null)
        {
            CompleteStepsServedFromCache();
        }
    }

    // When a later step's result is in the cache, BuildKit never runs the steps before it, and may list them without ever
    // completing them (`docker build` then prints only their names): in a build that succeeded they came from the cache.
    private void CompleteStepsServedFromCache()
    {
        foreach (var state in _vertexes.Values.Where(v => v is { Step: not null, Completed: false, Failed: false }).OrderBy(v => v.Step))
        {
            if (!state.Started)
            {
                state.Started = true;
                Report(new BuildEvent(BuildEventKind.StepStarted, state.Step, TotalSteps, state.Text, Stage: state.Stage));
            }

            state.Completed = true;
            state.Cached = true;
            _cached++;
            Report(new BuildEvent(BuildEventKind.StepCompleted, state.Step, TotalSteps, state.Text, Cached: true, Stage: state.Stage));
        }
    }

    protected override void OnProgress(JsonElement message)
    {
        var id = GetString(message, "id");
        if (!message.TryGetProperty("aux", out var aux))
        {
            if (GetString(message, "stream") is { Length: > 0 } stream)
            {
                foreach (var line in stream.TrimEnd('\n').Split('\n'))
                {
                    Report(new BuildEvent(BuildEventKind.Log, Text: line.TrimEnd('\r')));
                }
            }

            return;
        }

        if (id == "moby.image.id" && aux.ValueKind == JsonValueKind.Object && GetString(aux, "ID") is { } imageId)
        {
            ImageId = imageId;
        }
        else if (id == "moby.buildkit.trace" && aux.ValueKind == JsonValueKind.String)
        {
            OnStatus(StatusResponse.Parser.ParseFrom(aux.GetBytesFromBase64()));
        }
    }

    internal void OnStatus(StatusResponse status)
    {
        foreach (var vertex in InputsFirst(status.Vertexes))
        {
            OnVertex(vertex);
        }

        foreach (var log in status.Logs)
        {
            var state = GetState(log.Vertex);
            state.Log.AddRange(log.Msg.Span);
            FlushLog(state, final: false);
        }

        foreach (var warning in status.Warnings)
        {
            var state = GetState(warning.Vertex);
            var text = Decode(warning.Short.Span).TrimEnd();
            Report(new BuildEvent(BuildEventKind.Warning, state.Step, state.Step is null ? null : TotalSteps, text, Stage: state.Stage));
        }
    }

    private void OnVertex(Vertex vertex)
    {
        var state = GetState(vertex.Digest);
        if (state.Name is null && vertex.Name.Length > 0)
        {
            state.Name = vertex.Name;
            var step = StepName().Match(vertex.Name);
            if (step.Success)
            {
                state.Step = ++_steps;
                state.Stage = step.Groups["stage"].Success ? step.Groups["stage"].Value : null;
                state.Text = step.Groups["text"].Value;
                _stageTotals[state.Stage ?? string.Empty] = int.Parse(step.Groups["m"].Value, CultureInfo.InvariantCulture);
            }
        }

        state.Cached |= vertex.Cached;
        if (!state.Started && (vertex.Started is not null || vertex.Cached || vertex.Completed is not null))
        {
            state.Started = true;
            if (state.Step is { } started)
            {
                Report(new BuildEvent(BuildEventKind.StepStarted, started, TotalSteps, state.Text, Stage: state.Stage));
            }
        }

        if (vertex.Error.Length > 0 && !state.Failed)
        {
            state.Failed = true;
            FlushLog(state, final: true);
            Report(new BuildEvent(BuildEventKind.Error, state.Step, state.Step is null ? null : TotalSteps, $"{state.Name}: {vertex.Error}", Stage: state.Stage));
        }

        if (!state.Completed && vertex.Completed is not null)
        {
            state.Completed = true;
            FlushLog(state, final: true);
            if (state.Step is { } completed && vertex.Error.Length == 0)
            {
                if (state.Cached)
                {
                    _cached++;
                }

                TimeSpan? duration = vertex.Started is null ? null : vertex.Completed.ToDateTimeOffset() - vertex.Started.ToDateTimeOffset();
                Report(new BuildEvent(BuildEventKind.StepCompleted, completed, TotalSteps, state.Text, state.Cached, duration, state.Stage));
            }
        }
    }

    // Newer BuildKits (Docker 28) list a message's vertexes last step first; a vertex after the inputs it names keeps
    // the steps numbered in build order. Otherwise the order BuildKit gave is kept.
    private static List<Vertex> InputsFirst(RepeatedField<Vertex> vertexes)
    {
        var byDigest = new Dictionary<string, Vertex>(StringComparer.Ordinal);
        foreach (var vertex in vertexes)
        {
            byDigest.TryAdd(vertex.Digest, vertex);
        }

        var ordered = new List<Vertex>(vertexes.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vertex in vertexes)
        {
            Place(vertex);
        }

        return ordered;

        void Place(Vertex vertex)
        {
            if (!placed.Add(vertex.Digest))
            {
                return;
            }

            // A COPY --from names the stage it copies from after its own: that stage, earlier in the Dockerfile, goes first.
            foreach (var input in vertex.Inputs.Reverse())
            {
                if (byDigest.TryGetValue(input, out var before))
                {
                    Place(before);
                }
            }

            ordered.Add(vertex);
        }
    }

    private VertexState GetState(string digest)
    {
        if (!_vertexes.TryGetValue(digest, out var state))
        {
            state = new VertexState();
            _vertexes[digest] = state;
        }

        return state;
    }

    private void FlushLog(VertexState state, bool final)
    {
        var bytes = state.Log;
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                EmitLine(state, CollectionsMarshalSpan(bytes, start, i - start));
                start = i + 1;
            }
        }

        if (final && start < bytes.Count)
        {
            EmitLine(state, CollectionsMarshalSpan(bytes, start, bytes.Count - start));
            start = bytes.Count;
        }

        bytes.RemoveRange(0, start);
    }

    private void EmitLine(VertexState state, ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        Report(new BuildEvent(BuildEventKind.Log, state.Step, state.Step is null ? null : TotalSteps, Decode(line), Stage: state.Stage));
    }

    private static ReadOnlySpan<byte> CollectionsMarshalSpan(List<byte> bytes, int start, int length) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes).Slice(start, length);

    // Output of a RUN is whatever the program wrote: invalid UTF-8 becomes U+FFFD instead of failing.
    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    [GeneratedRegex(@"^\[(?:(?<stage>[^\]]+?) )?(?<n>\d+)/(?<m>\d+)\] (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex StepName();

    private sealed class VertexState
    {
        public string? Name { get; set; }

        public int? Step { get; set; }

        public string? Stage { get; set; }

        public string? Text { get; set; }

        public bool Started { get; set; }

        public bool Completed { get; set; }

        public bool Cached { get; set; }

        public bool Failed { get; set; }

        public List<byte> Log { get; } = [];
    }
}
