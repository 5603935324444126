FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y python3.12 python3.12-pip shadow-utils \
    && microdnf clean all \
    && useradd -l -u 100001 app
COPY --chown=app:app app/ /opt/app/
USER app
CMD ["python3.12", "/opt/app/main.py"]
