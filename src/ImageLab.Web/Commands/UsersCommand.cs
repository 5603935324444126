using ImageLab.Core.Security;
using ImageLab.Data.Hosting;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;

namespace ImageLab.Web.Commands;

/// <summary>
/// <c>ImageLab.Web users ...</c>: user administration from the server's command line, before (or beside) the web host.
/// Uses the same configuration as the app (connection string, <c>Database:MigrateOnStart</c>). Tokens go to standard
/// output alone, so that a script can capture them; sentences go to standard error. Exit codes: 0 done, 1 failed
/// (e.g. the database cannot be reached), 2 a usage error or a refused request, with a sentence.
/// </summary>
public static class UsersCommand
{
    public const string Name = "users";

    private const string Actor = "system (users command)";

    private const string Usage = """
        Usage:
          users add NAME --role admin|member|viewer [--password-stdin] [--token] [--token-name TEXT]
          users token NAME [--token-name TEXT]      create a new API token for NAME and print it
          users revoke-token ID                     revoke the API token of that id
          users list
        Configuration options (e.g. --ConnectionStrings:ImageLab "Host=...") may follow.
        """;

    public static bool Handles(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var command = ParsedCommand.Parse(args.Skip(1).ToList());
        if (command.Error is not null)
        {
            await error.WriteLineAsync(command.Error);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        // The same environment as the web app (ASPNETCORE_ENVIRONMENT first), so that Development applies migrations here too.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. command.ConfigurationArgs],
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"),
        });
        // Standard output carries the token alone: logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddImageLabData(builder.Configuration);
        builder.Services.AddImageLabIdentity();
        using var host = builder.Build();
        try
        {
            // Applies the migrations when the app would (Database:MigrateOnStart), so that a fresh database works.
            await host.StartAsync();
            var users = host.Services.GetRequiredService<UserAdministration>();
            return await RunAsync(command, users, input, output, error);
        }
        catch (UserAdministrationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await error.WriteLineAsync($"The users command failed: {e.Message}");
            return 1;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<int> RunAsync(ParsedCommand command, UserAdministration users, TextReader input, TextWriter output, TextWriter error)
    {
        switch (command.Verb)
        {
            case "add":
                string? password = null;
                if (command.PasswordFromStdin)
                {
                    password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
                    if (string.IsNullOrEmpty(password))
                    {
                        await error.WriteLineAsync("--password-stdin was given but standard input held no password line.");
                        return 2;
                    }
                }

                var user = await users.CreateAsync(command.UserName!, command.Role!, password, Actor, CancellationToken.None);
                await error.WriteLineAsync($"Created {user.UserName} ({ImageLabRoles.Parse(command.Role)}){(password is null ? ", without a password (tokens only)" : "")}.");
                if (command.Token)
                {
                    await PrintTokenAsync(users, command, output, error);
                }

                return 0;
            case "token":
                await PrintTokenAsync(users, command, output, error);
                return 0;
            case "revoke-token":
                if (!await users.RevokeTokenAsync(command.TokenId, ownerId: null, Actor, CancellationToken.None))
                {
                    await error.WriteLineAsync($"There is no API token {command.TokenId}.");
                    return 2;
                }

                await error.WriteLineAsync($"Revoked API token {command.TokenId}.");
                return 0;
            default:
                foreach (var listed in await users.ListAsync(CancellationToken.None))
                {
                    await output.WriteLineAsync($"{listed.Name}\t{listed.Role}\t{(listed.DisabledAt is null ? "enabled" : "disabled")}\t{listed.ActiveTokens} tokens");
                }

                return 0;
        }
    }

    private static async Task PrintTokenAsync(UserAdministration users, ParsedCommand command, TextWriter output, TextWriter error)
    {
        var token = await users.CreateTokenAsync(command.UserName!, command.TokenName ?? "created by the users command", Actor, CancellationToken.None);
        await output.WriteLineAsync(token.Token);
        await error.WriteLineAsync($"API token {token.Id} for {command.UserName}: shown once, keep it now (send it as 'Authorization: Bearer <token>').");
    }

    private sealed record ParsedCommand(string Verb)
    {
        public string? Error { get; init; }

        public string? UserName { get; init; }

        public string? Role { get; init; }

        public bool PasswordFromStdin { get; init; }

        public bool Token { get; init; }

        public string? TokenName { get; init; }

        public long TokenId { get; init; }

        public List<string> ConfigurationArgs { get; init; } = [];

        public static ParsedCommand Parse(List<string> args)
        {
            if (args.Count == 0)
            {
                return new ParsedCommand("") { Error = "Say what to do: add, token, revoke-token or list." };
            }

            var verb = args[0];
            var positional = new List<string>();
            var rest = new List<string>();
            string? role = null, tokenName = null;
            bool passwordFromStdin = false, token = false;
            for (var i = 1; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--role" when i + 1 < args.Count:
                        role = args[++i];
                        break;
                    case "--token-name" when i + 1 < args.Count:
                        tokenName = args[++i];
                        break;
                    case "--password-stdin":
                        passwordFromStdin = true;
                        break;
                    case "--token":
                        token = true;
                        break;
                    case var option when option.StartsWith("--", StringComparison.Ordinal):
                        rest.Add(option);
                        if (!option.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                        {
                            rest.Add(args[++i]);
                        }

                        break;
                    default:
                        positional.Add(args[i]);
                        break;
                }
            }

            var parsed = new ParsedCommand(verb)
            {
                Role = role,
                TokenName = tokenName,
                PasswordFromStdin = passwordFromStdin,
                Token = token,
                ConfigurationArgs = rest,
                UserName = positional.FirstOrDefault(),
            };
            return verb switch
            {
                "add" when positional.Count != 1 => parsed with { Error = "users add takes one user name." },
                "add" when role is null => parsed with { Error = "users add needs --role admin, member or viewer." },
                "add" when ImageLabRoles.Parse(role) is null => parsed with { Error = $"'{role}' is not a role: use admin, member or viewer." },
                "token" when positional.Count != 1 => parsed with { Error = "users token takes one user name." },
                "revoke-token" when positional.Count != 1 || !long.TryParse(positional[0], out _) => parsed with { Error = "users revoke-token takes the token's id (a number)." },
                "revoke-token" => parsed with { TokenId = long.Parse(positional[0], System.Globalization.CultureInfo.InvariantCulture) },
                "list" or "add" or "token" => parsed,
                _ => parsed with { Error = $"'{verb}' is not a users command: use add, token, revoke-token or list." },
            };
        }
    }
}
