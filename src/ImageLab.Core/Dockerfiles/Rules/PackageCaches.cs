namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>The caches the rules know, and how to recognise the commands of each package manager.</summary>
internal static class PackageCaches
{
    public static CacheKind Pip { get; } = new(
        "pip cache",
        ["/root/.cache/pip"],
        "PIP_NO_CACHE_DIR",
        c => IsPipInstall(c) && !c.HasOption("no-cache-dir"),
        c => IsPip(c, out var args) && args.Count > 1 && args[0] == "cache" && args[1] is "purge" or "remove");

    public static CacheKind Uv { get; } = new(
        "uv cache",
        ["/root/.cache/uv"],
        "UV_NO_CACHE",
        c => IsUvInstall(c) && !c.HasOption("no-cache", 'n'),
        c => c.Is("uv") && c.HasSubcommand("cache") && c.Operands.Skip(1).FirstOrDefault() is "clean" or "prune");

    public static CacheKind AptLists { get; } = new(
        "apt package lists",
        ["/var/lib/apt/lists"],
        null,
        c => IsApt(c) && c.HasSubcommand("update", "install"),
        _ => false);

    public static CacheKind Apk { get; } = new(
        "apk cache",
        ["/var/cache/apk", "/etc/apk/cache"],
        null,
        c => c.Is("apk") && c.HasSubcommand("add", "update", "upgrade") && !c.HasOption("no-cache"),
        c => c.Is("apk") && c.HasSubcommand("cache") && c.Operands.Skip(1).FirstOrDefault() is "clean" or "purge");

    public static CacheKind Yarn { get; } = new(
        "yarn cache",
        ["/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/root/.yarn/berry/cache"],
        null,
        c => c.Is("yarn") && (!c.Operands.Any() || c.HasSubcommand("install", "add")),
        c => c.Is("yarn") && c.HasSubcommand("cache") && c.Operands.Skip(1).FirstOrDefault() == "clean");

    public static CacheKind Npm { get; } = new(
        "npm cache",
        ["/root/.npm"],
        null,
        c => c.Is("npm") && c.HasSubcommand("install", "i", "ci", "add"),
        c => c.Is("npm") && c.HasSubcommand("cache") && c.Operands.Skip(1).FirstOrDefault() is "clean" or "rm");

    public static CacheKind Yum { get; } = new(
        "yum cache",
        ["/var/cache/yum"],
        null,
        c => c.Is("yum") && c.HasSubcommand("install", "groupinstall", "localinstall", "update", "upgrade"),
        c => c.Is("yum") && c.HasSubcommand("clean") && c.Operands.Skip(1).FirstOrDefault() == "all");

    public static CacheKind Dnf { get; } = new(
        "dnf cache",
        ["/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum"],
        null,
        c => c.IsAny("dnf", "microdnf", "dnf5") && c.HasSubcommand("install", "groupinstall", "update", "upgrade"),
        c => c.IsAny("dnf", "microdnf", "dnf5") && c.HasSubcommand("clean") && c.Operands.Skip(1).FirstOrDefault() == "all");

    public static CacheKind Zypper { get; } = new(
        "zypper cache",
        ["/var/cache/zypp"],
        null,
        c => c.Is("zypper") && c.HasSubcommand("install", "in", "update", "up", "dist-upgrade", "dup", "patch"),
        c => c.Is("zypper") && c.HasSubcommand("clean", "cc"));

    public static IReadOnlyList<CacheKind> All { get; } = [Pip, Uv, AptLists, Apk, Yarn, Npm, Yum, Dnf, Zypper];

    public static bool IsApt(ShellCommand command) => command.IsAny("apt-get", "apt", "aptitude");

    public static bool IsPipInstall(ShellCommand command) => IsPip(command, out var args) && args.Count > 0 && args[0] == "install";

    public static bool IsUvInstall(ShellCommand command)
    {
        if (!command.Is("uv"))
        {
            return false;
        }

        var operands = command.Operands.Take(2).ToList();
        return operands.Count > 0 && (operands[0] is "sync" or "add"
            || (operands[0] == "pip" && operands.Count > 1 && operands[1] is "install" or "sync")
            || (operands[0] == "tool" && operands.Count > 1 && operands[1] == "install"));
    }

    /// <summary>Recognises <c>pip</c>, <c>pip3</c>, <c>pip3.12</c> and <c>python -m pip</c>, returning the operands after the program.</summary>
    public static bool IsPip(ShellCommand command, out List<string> operands)
    {
        operands = [];
        var name = command.Name;
        if (name is null)
        {
            return false;
        }

        name = name[(name.LastIndexOf('/') + 1)..];
        if (name.StartsWith("pip", StringComparison.Ordinal) && name.AsSpan(3).TrimStart("0123456789.").IsEmpty)
        {
            operands = command.Operands.ToList();
            return true;
        }

        if (name.StartsWith("python", StringComparison.Ordinal) && name.AsSpan(6).TrimStart("0123456789.").IsEmpty)
        {
            var arguments = command.Arguments.ToList();
            var m = arguments.IndexOf("-m");
            if (m >= 0 && m + 1 < arguments.Count && arguments[m + 1] == "pip")
            {
                operands = arguments.Skip(m + 2).Where(a => !a.StartsWith('-')).ToList();
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The packages an install command names (apt-get/apt install, apk add, yum/dnf/microdnf/zypper install),
    /// version pins removed; empty for other commands.
    /// </summary>
    public static IReadOnlyList<string> InstalledPackages(ShellCommand command)
    {
        string[] optionsWithValue;
        if (IsApt(command) && command.HasSubcommand("install"))
        {
            optionsWithValue = ["-o", "-t", "-c", "--target-release", "--option"];
        }
        else if (command.Is("apk") && command.HasSubcommand("add"))
        {
            optionsWithValue = ["-t", "--virtual", "-X", "--repository", "-p", "--root"];
        }
        else if (command.IsAny("yum", "dnf", "microdnf", "dnf5", "zypper") && command.HasSubcommand("install", "in"))
        {
            optionsWithValue = ["--setopt", "--enablerepo", "--disablerepo", "--releasever", "--installroot", "-x", "--exclude"];
        }
        else
        {
            return [];
        }

        var packages = new List<string>();
        var arguments = command.Arguments.ToList();
        var subcommandSeen = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.StartsWith('-'))
            {
                if (Array.IndexOf(optionsWithValue, argument) >= 0)
                {
                    i++;
                }

                continue;
            }

            if (!subcommandSeen)
            {
                subcommandSeen = true;
                continue;
            }

            var end = argument.IndexOfAny(['=', '<', '>', '~']);
            packages.Add(end > 0 ? argument[..end] : argument);
        }

        return packages;
    }

    /// <summary>The packages an uninstall command in the same RUN removes (apt-get purge/remove, apk del, yum/dnf remove), plus apk virtual names.</summary>
    public static IReadOnlyList<string> RemovedPackages(ShellCommand command)
    {
        var removes = (IsApt(command) && command.HasSubcommand("purge", "remove", "autoremove"))
            || (command.Is("apk") && command.HasSubcommand("del"))
            || (command.IsAny("yum", "dnf", "microdnf", "dnf5", "zypper") && command.HasSubcommand("remove", "erase", "rm", "autoremove"));
        return removes ? command.Operands.Skip(1).ToList() : [];
    }

    /// <summary>The apk <c>--virtual</c> (<c>-t</c>) name of an install, or <see langword="null"/>.</summary>
    public static string? VirtualPackage(ShellCommand command) =>
        command.Is("apk") && command.HasSubcommand("add") ? command.GetOptionValue("virtual", 't') : null;
}
