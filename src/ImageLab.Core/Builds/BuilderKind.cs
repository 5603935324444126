namespace ImageLab.Core.Builds;

/// <summary>Which of the engine's two builders turns a Dockerfile into an image.</summary>
public enum BuilderKind
{
    /// <summary>BuildKit (<c>POST /build?version=2</c>), the default of current engines.</summary>
    BuildKit,

    /// <summary>The classic builder (<c>POST /build?version=1</c>).</summary>
    Classic,
}
