"""Writes the hostile Dockerfiles of bench/hostile-inputs.sh into the folder given as the first argument, one file per case.
Each stays within 1 MB and 10,000 lines unless its name says it goes past a limit, so that it reaches the parser and the rules."""
import os
import sys

MB = 1024 * 1024
out = sys.argv[1]


def case(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text[: MB - 16] if not name.startswith("over-") else text)


case("over-nested-170k", "FROM " + "${U:-" * 170_000 + "alpine" + "}" * 170_000 + "\nRUN echo hi\n")
case("nested-32-every-line", "FROM alpine\n" + "".join(f"ARG A{i}=" + "${U:-" * 32 + "x" + "}" * 32 + "\n" for i in range(4_000)))
case("long-line-words", "FROM alpine\nRUN " + "a " * 500_000 + "\n")
case("long-line-vars", "FROM alpine\nARG A=x\nRUN echo " + "$A" * 450_000 + "\n")
case("long-line-braced-vars", "FROM alpine\nARG A=x\nRUN echo " + "${A}" * 200_000 + "\n")
case("long-line-quotes", "FROM alpine\nRUN echo " + "'a' \"b\" " * 100_000 + "\n")
case("long-line-unclosed-quote", "FROM alpine\nRUN echo \"" + "a\\\" " * 200_000 + "\n")
case("long-line-and-and", "FROM alpine\nRUN " + "true && " * 120_000 + "true\n")
case("long-line-pipes", "FROM alpine\nRUN " + "a|" * 400_000 + "a\n")
case("long-line-semicolons", "FROM alpine\nRUN " + "apt-get install -y x; " * 40_000 + "\n")
case("long-line-subshells", "FROM alpine\nRUN " + "$(" * 200_000 + ")" * 200_000 + "\n")
case("long-from", "FROM " + "a" * 1_000_000 + "\n")
case("long-json", "FROM alpine\nRUN [" + '"a",' * 200_000 + '"a"]\n')
case("long-label", "FROM alpine\nLABEL " + "k=v " * 250_000 + "\n")
case("long-env", "FROM alpine\nENV " + "K=v " * 250_000 + "\n")
case("long-copy", "FROM alpine\nCOPY " + "a " * 400_000 + "/dst/\n")
case("continuations", "FROM alpine\nRUN " + "apt-get install -y pkg \\\n" * 9_990 + "true\n")
case("continuations-short", "FROM alpine\nRUN " + "a \\\n" * 9_990 + "true\n")
case("continuations-long", "FROM alpine\nRUN " + ("x" * 95 + " \\\n") * 9_990 + "true\n")
case("continuations-and-comments", "FROM alpine\nRUN " + "a \\\n# c\n" * 4_990 + "true\n")
case("continuations-empty", "FROM alpine\nRUN a \\\n" + "\\\n" * 9_990 + "true\n")
case("continuations-backtick", "# escape=`\nFROM alpine\nRUN " + "a `\n" * 9_990 + "true\n")
case("heredoc-long", "FROM alpine\nRUN <<EOF\n" + "echo line\n" * 9_990 + "EOF\n")
case("heredoc-long-lines", "FROM alpine\nRUN <<EOF\n" + ("echo " + "x" * 95 + "\n") * 9_990 + "EOF\n")
case("heredocs-many", "FROM alpine\n" + "RUN <<A <<B\nx\nA\ny\nB\n" * 1_660)
case("heredoc-markers-one-line", "FROM alpine\nRUN " + " ".join(f"<<E{i}" for i in range(9_000)) + "\n" + "".join(f"E{i}\n" for i in range(9_000)))
case("heredoc-unterminated", "FROM alpine\nRUN <<EOF\n" + "x\n" * 9_990)
case("heredoc-copy-many", "FROM alpine\n" + "COPY <<A /a\nx\nA\n" * 2_490)
case("instructions-many", "FROM alpine\n" + "RUN apt-get install -y x && rm -rf /var/lib/apt/lists/*\n" * 9_990)
case("instructions-copy-many", "FROM alpine\n" + "COPY . /app\n" * 9_990)
case("stages-many", "".join(f"FROM alpine AS s{i}\n" + (f"COPY --from=s{i-1} / /\n" if i else "") + "RUN apt-get install -y x\n" * 70 for i in range(128)))
case("args-many", "".join(f"ARG A{i}=v\n" for i in range(9_000)) + "FROM alpine\n" + "".join(f"ARG A{i}\n" for i in range(990)))
case("env-many", "FROM alpine\n" + "".join(f"ENV E{i}=$E{i-1}x\n" for i in range(9_990)))
case("env-doubling", "FROM alpine\nARG A=xx\n" + "ARG A=${A}${A}\n" * 40)
case("env-doubling-stages", "ARG A=" + "x" * 1000 + "\n" + "".join(f"FROM alpine AS s{i}\nARG A\nENV B=${{A}}${{A}}${{A}}${{A}}\n" for i in range(128)))
case("from-vars", "ARG A=alpine\n" + "FROM ${A}${A}${A}${A}${A}${A}${A}${A}\n" * 128)
case("mounts-many", "FROM alpine\nRUN " + "--mount=type=cache,target=/x " * 30_000 + "true\n")
case("flags-many", "FROM alpine\nCOPY " + "--chown=1:1 " * 80_000 + "a /b\n")
case("dollar-braces-unclosed", "FROM alpine\nRUN echo " + "${" * 32 + "a" * 900_000 + "\n")
case("backslashes", "FROM alpine\nRUN echo " + "\\" * 1_000_000 + "\n")
