using ImageLab.Cli;

return await CliApplication.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None);
