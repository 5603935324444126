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
}
