namespace ImageLab.Cli;

/// <summary>The process exit codes, a contract with CI scripts (README, "Command-line tool and CI").</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A budget is broken, or a build failed or was cancelled.</summary>
    public const int Failed = 1;

    /// <summary>The command line, a file it names or an id it names is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The server cannot be reached, refused the token, or broke down.</summary>
    public const int Unreachable = 3;
}
