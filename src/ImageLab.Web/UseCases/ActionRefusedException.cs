namespace ImageLab.Web.UseCases;

/// <summary>A use case that cannot be carried out; the message is a sentence for the user, <see cref="Reason"/> says why.</summary>
public sealed class ActionRefusedException : Exception
{
    public ActionRefusedException()
    {
    }

    public ActionRefusedException(string message)
        : base(message)
    {
    }

    public ActionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ActionRefusedException(Refusal reason, string message)
        : base(message) => Reason = reason;

    public Refusal Reason { get; }
}
