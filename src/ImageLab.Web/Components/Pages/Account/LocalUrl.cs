namespace ImageLab.Web.Components.Pages.Account;

/// <summary>Return addresses after sign-in: only paths of this site, so that a link cannot send a user elsewhere.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
