namespace ImageLab.Docker.Tests;

/// <summary>Small busybox Dockerfiles that build in about a second, offline.</summary>
internal static class Dockerfiles
{
    public const string Sizes = """
        FROM busybox:latest
        COPY data.txt /data/data.txt
        RUN head -c 123456 /dev/zero > /data/zeros.bin && echo wrote-zeros
        ENV GREETING=hello
        EXPOSE 8080/tcp
        LABEL org.example.kind=sizes
        CMD ["sh", "-c", "cat /data/data.txt"]
        """;

    public static IReadOnlyDictionary<string, object> SizesContext(string data = "some data\n") =>
        new Dictionary<string, object> { ["Dockerfile"] = Sizes, ["data.txt"] = data };
}
