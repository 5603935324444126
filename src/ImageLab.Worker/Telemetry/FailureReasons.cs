namespace ImageLab.Worker.Telemetry;

/// <summary>The <c>reason</c> tag of <c>imagelab.iterations.failed</c>.</summary>
public static class FailureReasons
{
    /// <summary>The engine's build failed (a step's error, a bad Dockerfile).</summary>
    public const string BuildError = "build_error";

    /// <summary>The build ran past <c>Worker:BuildTimeout</c>.</summary>
    public const string Timeout = "timeout";

    /// <summary>A build without network needed an image the engine does not hold.</summary>
    public const string UnheldImage = "unheld_image";

    /// <summary>ImageLab itself failed (measuring, storing).</summary>
    public const string Internal = "internal_error";
}
