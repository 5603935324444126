using System.Text.Json;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Builds;

/// <summary>
/// Turns the JSON messages of one <c>POST /build</c> response into <see cref="BuildEvent"/>s and
/// remembers how the build ended. The parts both builders share (image id, the final error) live
/// here; each builder's progress format lives in a subclass.
/// </summary>
internal abstract class BuildProgressTranslator(IProgress<BuildEvent>? progress)
{
    public string? ImageId { get; protected set; }

    public string? Error { get; private set; }

    public abstract int TotalSteps { get; }

    public abstract int CachedSteps { get; }

    /// <summary>The result images of every stage but the last (see <see cref="Engine.BuildResult.StageImageIds"/>).</summary>
    public virtual IReadOnlyList<string> StageImageIds => [];

    public void OnMessage(JsonElement message)
    {
        if (message.TryGetProperty("errorDetail", out var detail) && detail.ValueKind == JsonValueKind.Object
            && detail.TryGetProperty("message", out var detailMessage) && detailMessage.ValueKind == JsonValueKind.String)
        {
            Fail(detailMessage.GetString()!);
            return;
        }

        if (message.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            Fail(error.GetString()!);
            return;
        }

        OnProgress(message);
    }

    /// <summary>The response ended; complete what is still open.</summary>
    public abstract void OnEnd();

    /// <summary>The request itself was refused (e.g. HTTP 400/500 with a message).</summary>
    public void Fail(string message)
    {
        message = Describe(message.TrimEnd());
        Error ??= message;
        Report(new BuildEvent(BuildEventKind.Error, Text: message));
    }

    protected abstract void OnProgress(JsonElement message);

    /// <summary>The engine's message, with whatever context the builder's own message lacks.</summary>
    protected virtual string Describe(string message) => message;

    protected void Report(BuildEvent buildEvent) => progress?.Report(buildEvent);

    protected static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
