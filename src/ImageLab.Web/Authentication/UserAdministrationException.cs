namespace ImageLab.Web.Authentication;

/// <summary>A user operation refused, with a sentence that says why (an unknown role, a taken name, a weak password...).</summary>
public sealed class UserAdministrationException : Exception
{
    public UserAdministrationException()
    {
    }

    public UserAdministrationException(string message)
        : base(message)
    {
    }

    public UserAdministrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
