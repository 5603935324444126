namespace ImageLab.Docker.Engine;

/// <summary>The engine could not be reached; the message says where and why in a sentence.</summary>
public sealed class DockerEngineUnavailableException : Exception
{
    public DockerEngineUnavailableException()
    {
    }

    public DockerEngineUnavailableException(string message)
        : base(message)
    {
    }

    public DockerEngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
