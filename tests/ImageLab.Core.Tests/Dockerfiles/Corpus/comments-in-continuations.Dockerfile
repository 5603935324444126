FROM ubuntu:24.04

# Tools for the nightly report job
RUN apt-get update \
    # certificates for the HTTPS upload
    && apt-get install -y --no-install-recommends ca-certificates \
    # the report itself is rendered with these

    && apt-get install -y --no-install-recommends pandoc \
       texlive-latex-base \
    # keep the layer small
    && rm -rf /var/lib/apt/lists/*

ARG REPORT_USER=reporter
RUN useradd --create-home --uid 1500 "$REPORT_USER"
USER $REPORT_USER
WORKDIR /home/$REPORT_USER
ENTRYPOINT ["pandoc"]
