using System.CommandLine;
using System.CommandLine.Help;
using System.Data.Common;
using System.Globalization;
using ImageLab.Core.Security;
using ImageLab.Data.Hosting;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;

namespace ImageLab.Web.Commands;

/// <summary>
/// <c>ImageLab.Web users ...</c>: user administration from the server's command line, before (or beside) the web host,
/// parsed with System.CommandLine as the <c>imagelab</c> CLI is. Uses the same configuration as the app (connection
/// string, <c>Database:MigrateOnStart</c>; options such as <c>--ConnectionStrings:ImageLab "Host=..."</c> may follow).
/// Tokens go to standard output alone, so that a script can capture them; sentences go to standard error. Exit codes:
/// 0 done, 1 failed (e.g. the database cannot be reached), 2 a usage error or a refused request, with a sentence.
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
        var command = Create(new Streams(input, output, error));
        var verb = args.Skip(1).FirstOrDefault();
        var refusal = verb switch
        {
            null => "Say what to do: add, token, revoke-token or list.",
            _ when verb.StartsWith('-') || command.Subcommands.Any(c => c.Name == verb) => null,
            _ => $"'{verb}' is not a users command: use add, token, revoke-token or list.",
        };
        var parse = command.Parse(args.Skip(1).ToList());
        refusal ??= StrayWord(parse.UnmatchedTokens) is { } stray ? $"'{stray}' is neither a word users {verb} takes nor the value of a configuration option (--Key value)." : null;
        if (refusal is not null || parse.Errors.Count > 0)
        {
            await error.WriteLineAsync(refusal ?? string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message)));
            await error.WriteLineAsync(Usage);
            return 2;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    // The users command and its subcommands; each runs against the app's store.
    private static Command Create(Streams console) => new(Name, "Manage ImageLab's users and API tokens on the server")
    {
        new HelpOption(),
        AddCommand(console),
        TokenCommand(console),
        RevokeTokenCommand(console),
        ListCommand(console),
    };

    private static Command AddCommand(Streams console)
    {
        var name = UserName();
        var role = new Option<string?>("--role") { Description = "admin, member or viewer" };
        var passwordFromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (without it: tokens only)" };
        var token = new Option<bool>("--token") { Description = "Also create an API token and print it" };
        var tokenName = TokenName();
        var command = ConfigurableCommand("add", "Create a user", name, role, passwordFromStdin, token, tokenName);
        RequireUserName(command, name);
        command.Validators.Add(result =>
        {
            if (result.GetValue(role) is not { } given)
            {
                result.AddError("users add needs --role admin, member or viewer.");
            }
            else if (ImageLabRoles.Parse(given) is null)
            {
                result.AddError($"'{given}' is not a role: use admin, member or viewer.");
            }
        });
        command.SetAction(parse => WithUsersAsync(parse, console, async users =>
        {
            string? password = null;
            if (parse.GetValue(passwordFromStdin))
            {
                password = (await console.Input.ReadLineAsync())?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    await console.Error.WriteLineAsync("--password-stdin was given but standard input held no password line.");
                    return 2;
                }
            }

            var user = await users.CreateAsync(parse.GetRequiredValue(name), parse.GetValue(role)!, password, Actor, CancellationToken.None);
            await console.Error.WriteLineAsync($"Created {user.UserName} ({ImageLabRoles.Parse(parse.GetValue(role))}){(password is null ? ", without a password (tokens only)" : "")}.");
            if (parse.GetValue(token))
            {
                await PrintTokenAsync(users, parse.GetRequiredValue(name), parse.GetValue(tokenName), console);
            }

            return 0;
        }));
        return command;
    }

    private static Command TokenCommand(Streams console)
    {
        var name = UserName();
        var tokenName = TokenName();
        var command = ConfigurableCommand("token", "Create a new API token for a user and print it", name, tokenName);
        RequireUserName(command, name);
        command.SetAction(parse => WithUsersAsync(parse, console, async users =>
        {
            await PrintTokenAsync(users, parse.GetRequiredValue(name), parse.GetValue(tokenName), console);
            return 0;
        }));
        return command;
    }

    private static Command RevokeTokenCommand(Streams console)
    {
        var id = new Argument<long>("ID")
        {
            Description = "The token's id, printed when it was created",
            CustomParser = result =>
            {
                if (result.Tokens is [var token] && long.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                result.AddError("users revoke-token takes the token's id (a number).");
                return 0;
            },
        };
        var command = ConfigurableCommand("revoke-token", "Revoke an API token", id);
        command.SetAction(parse => WithUsersAsync(parse, console, async users =>
        {
            var tokenId = parse.GetValue(id);
            if (!await users.RevokeTokenAsync(tokenId, ownerId: null, Actor, CancellationToken.None))
            {
                await console.Error.WriteLineAsync($"There is no API token {tokenId}.");
                return 2;
            }

            await console.Error.WriteLineAsync($"Revoked API token {tokenId}.");
            return 0;
        }));
        return command;
    }

    private static Command ListCommand(Streams console)
    {
        var command = ConfigurableCommand("list", "List the users, their roles and how many tokens they hold");
        command.SetAction(parse => WithUsersAsync(parse, console, async users =>
        {
            foreach (var listed in await users.ListAsync(CancellationToken.None))
            {
                await console.Output.WriteLineAsync($"{listed.Name}\t{listed.Role}\t{(listed.DisabledAt is null ? "enabled" : "disabled")}\t{listed.ActiveTokens} tokens");
            }

            return 0;
        }));
        return command;
    }

    // The first word left over that is not a configuration option (--Key value or --Key=value) or its value.
    private static string? StrayWord(IReadOnlyList<string> unmatched)
    {
        for (var i = 0; i < unmatched.Count; i++)
        {
            if (!unmatched[i].StartsWith("--", StringComparison.Ordinal))
            {
                return unmatched[i];
            }

            if (!unmatched[i].Contains('=', StringComparison.Ordinal))
            {
                i++;
            }
        }

        return null;
    }

    // Tokens the command does not know are the app's configuration (--Key value), handed to the host.
    private static Command ConfigurableCommand(string name, string description, params Symbol[] symbols)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        return command;
    }

    private static Argument<string> UserName() => new("NAME") { Description = "The user's name", Arity = ArgumentArity.ZeroOrOne };

    // A missing name is told in a sentence of ours (the argument takes zero or one word so that System.CommandLine does not).
    private static void RequireUserName(Command command, Argument<string> name)
    {
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(name)))
            {
                result.AddError($"users {command.Name} takes one user name.");
            }
        });
    }

    private static Option<string?> TokenName() => new("--token-name") { Description = "What the token is for, shown in the token list" };

    // Builds a host with the app's configuration and store, applies the migrations when the app would, and runs one action.
    private static async Task<int> WithUsersAsync(ParseResult parse, Streams console, Func<UserAdministration, Task<int>> action)
    {
        // The same environment as the web app (ASPNETCORE_ENVIRONMENT first), so that Development applies migrations here too.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. parse.UnmatchedTokens],
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
            return await action(host.Services.GetRequiredService<UserAdministration>());
        }
        catch (UserAdministrationException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await console.Error.WriteLineAsync($"The users command failed: {e.Message}");
            return 1;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task PrintTokenAsync(UserAdministration users, string userName, string? tokenName, Streams console)
    {
        var token = await users.CreateTokenAsync(userName, tokenName ?? "created by the users command", Actor, CancellationToken.None);
        await console.Output.WriteLineAsync(token.Token);
        await console.Error.WriteLineAsync($"API token {token.Id} for {userName}: shown once, keep it now (send it as 'Authorization: Bearer <token>').");
    }

    private sealed record Streams(TextReader Input, TextWriter Output, TextWriter Error);
}
