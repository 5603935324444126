using System.Globalization;
using System.Text;

namespace ImageLab.Benchmarks.Dockerfiles;

/// <summary>A long, realistic Dockerfile: global ARGs, several stages, continuations with comments, here-documents, cache mounts.</summary>
internal static class SyntheticDockerfile
{
    public static string Generate(int lines)
    {
        var text = new StringBuilder();
        var count = 0;

        void Line(string line)
        {
            text.Append(line).Append('\n');
            count++;
        }

        Line("# syntax=docker/dockerfile:1.7");
        Line("ARG PYTHON_VERSION=3.12");
        Line("ARG VARIANT=slim");
        var stage = 0;
        while (count < lines - 12)
        {
            var name = "stage" + stage.ToString(CultureInfo.InvariantCulture);
            Line(stage == 0
                ? $"FROM python:${{PYTHON_VERSION}}-${{VARIANT}} AS {name}"
                : $"FROM stage{(stage - 1).ToString(CultureInfo.InvariantCulture)} AS {name}");
            Line($"ENV APP_HOME=/srv/{name} PATH=/srv/{name}/bin:$PATH");
            Line("WORKDIR $APP_HOME");
            Line("RUN apt-get update \\");
            Line("    # tools needed to build wheels");
            Line("    && apt-get install -y --no-install-recommends gcc libpq-dev \\");
            Line("    && rm -rf /var/lib/apt/lists/*");
            Line("COPY requirements.txt .");
            Line("RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt");
            Line("RUN <<EOF");
            Line("set -eux");
            Line("useradd -l -u 100001 app");
            Line("find /usr/local -name '__pycache__' -prune -exec rm -rf {} +");
            Line("EOF");
            Line($"COPY --from={(stage == 0 ? "python:3.12-slim" : "stage0")} /usr/local/bin/python3 /usr/local/bin/");
            Line("ADD https://example.com/data.tar.gz /opt/data/");
            Line("RUN pip install flask && echo \"${APP_HOME:-/srv}\" > /etc/app-home");
            Line("LABEL org.opencontainers.image.version=\"1.0\" stage=\"" + name + "\"");
            stage++;
        }

        Line("FROM python:3.12-slim");
        Line("COPY --from=stage0 /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages");
        Line("COPY . .");
        while (count < lines - 1)
        {
            Line("EXPOSE 8080");
        }

        Line("CMD [\"uvicorn\", \"api:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8080\"]");
        return text.ToString();
    }
}
