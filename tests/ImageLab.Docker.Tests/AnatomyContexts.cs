using ImageLab.Testing;

namespace ImageLab.Docker.Tests;

/// <summary>Build contexts for the byte-anatomy tests: small images whose package databases are known.</summary>
internal static class AnatomyContexts
{
    public const string SitePackages = "/usr/local/lib/python3.11/dist-packages";

    /// <summary>Bytes of the files <see cref="ApkDatabase"/> lists, by package, and of the one file no package owns.</summary>
    public static readonly IReadOnlyDictionary<string, int> ApkFileBytes = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["lib/ld-musl-x86_64.so.1"] = 602_280,
        ["lib/libc.musl-x86_64.so.1"] = 12_345,
        ["bin/busybox"] = 808_712,
        ["etc/busybox-paths.d/busybox"] = 4_096,
        ["app/data.bin"] = 7_777,
    };

    /// <summary>Two packages in the format of Alpine 3.19's <c>/lib/apk/db/installed</c> (checksums shortened).</summary>
    public const string ApkDatabase = """
        C:Q1bLrp2T3yQ4v8Fqpxw5bU0vKzJgE=
        P:musl
        V:1.2.4_git20230717-r4
        A:x86_64
        S:407265
        I:663552
        T:the musl c library (libc) implementation
        U:https://musl.libc.org/
        L:MIT
        o:musl
        m:Natanael Copa <ncopa@alpinelinux.org>
        t:1700221568
        c:0b02ac2a2fb5bc8d23d6e3f1a5d1b1b0c0c9b8f6
        F:lib
        R:ld-musl-x86_64.so.1
        a:0:0:755
        Z:Q1yD1ZAfnnrkDT5TqRr1cMHu7vP6k=
        R:libc.musl-x86_64.so.1
        a:0:0:777
        Z:Q17yJ3JFNypA4mxhJJr0ou6CzsJVI=

        C:Q1Xk1b9pZ9cOD8tJZk1dP3vYbJc0I=
        P:busybox
        V:1.36.1-r15
        A:x86_64
        S:512219
        I:823296
        T:Size optimized toolbox of many common UNIX utilities
        U:https://busybox.net/
        L:GPL-2.0-only
        o:busybox
        m:Sören Tempel <soeren+alpine@soeren-tempel.net>
        t:1700221568
        c:52ecb4b8e5c0f8a4f0b1d1e2f3a4b5c6d7e8f9a0
        D:so:libc.musl-x86_64.so.1
        F:bin
        R:busybox
        a:0:0:755
        Z:Q1nLxhdsXbfaLGw8hyPUQ9G7XDDyo=
        F:etc
        F:etc/busybox-paths.d
        R:busybox
        Z:Q1p4cZ0rhG5kfyOi52gNuSS2cJ2gU=

        """;

    /// <summary>procps from the machine's Debian mirror; <c>APT_OPTIONS</c> says whether its Recommends (psmisc) come along.</summary>
    public static IReadOnlyDictionary<string, object> Procps(string aptOptions) => new Dictionary<string, object>
    {
        // The install line is the same text in both images (the option comes from the ARG), so the blame compares the
        // same step; apt-get clean drops the downloaded .debs, which would otherwise count beside the packages.
        ["Dockerfile"] = $"""
            FROM debian:bookworm-slim
            RUN apt-get update
            ARG APT_OPTIONS={aptOptions}
            RUN apt-get install -y $APT_OPTIONS procps && apt-get clean
            """,
    };

    /// <summary>A scratch image holding <see cref="ApkDatabase"/> and the files it lists (no Alpine mirror is reachable).</summary>
    public static IReadOnlyDictionary<string, object> Apk()
    {
        var files = new Dictionary<string, object>
        {
            ["Dockerfile"] = "FROM scratch\nCOPY rootfs/ /\n",
            ["rootfs/lib/apk/db/installed"] = ApkDatabase,
        };
        foreach (var (path, bytes) in ApkFileBytes)
        {
            files["rootfs/" + path] = Enumerable.Range(0, bytes).Select(i => (byte)(i * 31)).ToArray();
        }
        return files;
    }

    /// <summary>
    /// <see cref="TinyWheel"/> installed by the full image's pip (no index), then its site-packages copied onto the
    /// slim image: the RECORD is pip's own, and the image stays small.
    /// </summary>
    public static IReadOnlyDictionary<string, object> PipWheel() => new Dictionary<string, object>
    {
        [TinyWheel.FileName] = TinyWheel.Build(),
        ["Dockerfile"] = $"""
            FROM python:3.11-bookworm AS builder
            COPY {TinyWheel.FileName} /tmp/
            RUN pip install --no-index --no-deps --break-system-packages /tmp/{TinyWheel.FileName}

            FROM python:3.11-slim-bookworm
            COPY --from=builder {SitePackages} {SitePackages}
            """,
    };

    /// <summary>The python-offline sample's files, with <paramref name="extraPackage"/> (when given) added to its packages.txt.</summary>
    public static IReadOnlyDictionary<string, object> PythonOfflineSample(string? extraPackage = null)
    {
        var folder = Path.Combine(TestEnvironment.SamplesFolder, "python-offline");
        var files = Directory.GetFiles(folder).ToDictionary(path => Path.GetFileName(path), path => (object)File.ReadAllBytes(path));
        if (extraPackage is not null)
        {
            files["packages.txt"] = File.ReadAllText(Path.Combine(folder, "packages.txt")) + extraPackage + "\n";
        }
        return files;
    }
}
