namespace ImageLab.Core.Experiments;

/// <summary>A submission that cannot be accepted; the message is a sentence for the user.</summary>
public sealed class SubmissionRejectedException : Exception
{
    public SubmissionRejectedException()
    {
    }

    public SubmissionRejectedException(string message)
        : base(message)
    {
    }

    public SubmissionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
