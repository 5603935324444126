# syntax=docker/dockerfile:1.7
FROM debian:bookworm-slim

# one script, several steps, one layer
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl
rm -rf /var/lib/apt/lists/*
EOF

RUN <<-"SCRIPT" bash
	set -e
	echo "no $expansion here" > /etc/motd
	SCRIPT

COPY <<EOF /etc/app/config.ini
[server]
port = 8080
EOF

RUN cat <<A > /tmp/a.txt && cat <<B > /tmp/b.txt
first
A
second
B

RUN python3 <<PY
print("hello from a heredoc")
PY
CMD ["cat", "/etc/app/config.ini"]
