namespace ImageLab.Core.BuildContexts;

/// <summary>A build context that cannot be sent to the engine; the message says why in a sentence.</summary>
public sealed class BuildContextException : Exception
{
    public BuildContextException()
    {
    }

    public BuildContextException(string message)
        : base(message)
    {
    }

    public BuildContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the context went past its size limit (an upload to refuse as too large, not as malformed).</summary>
    public bool TooLarge { get; init; }
}
