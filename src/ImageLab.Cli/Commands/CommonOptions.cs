using System.CommandLine;
using ImageLab.Cli.Api;

namespace ImageLab.Cli.Commands;

/// <summary>The options every server command takes (not <c>lint</c>), and the argument that names an experiment.</summary>
public static class CommonOptions
{
    public static Option<string?> Url { get; } = new("--url")
    {
        Description = $"ImageLab's address (default: IMAGELAB_URL, else {ServerAddress.DefaultUrl})",
    };

    public static Option<string?> Token { get; } = new("--token")
    {
        Description = "Token sent as 'Authorization: Bearer' (default: IMAGELAB_TOKEN)",
    };

    public static Argument<long> ExperimentId() => new("ID") { Description = "The experiment's id" };

    public static ImageLabClient CreateClient(ParseResult parse, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(console);
        return new ImageLabClient(ServerAddress.Resolve(parse.GetValue(Url), parse.GetValue(Token), console.Environment));
    }
}
