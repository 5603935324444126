namespace ImageLab.Web.Authentication;

/// <summary>
/// The caller lost the right to an action since it signed in or opened the page (disabled, demoted); the message is a
/// sentence for the caller. The API answers it with a 403.
/// </summary>
public sealed class CallerNotAllowedException : Exception
{
    public CallerNotAllowedException()
    {
    }

    public CallerNotAllowedException(string message)
        : base(message)
    {
    }

    public CallerNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
