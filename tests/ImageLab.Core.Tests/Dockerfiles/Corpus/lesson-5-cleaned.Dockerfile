# syntax=docker/dockerfile:1
# Same as the alpine build, with every cache removed in the layer that made it.
FROM python:3.12-alpine AS build
WORKDIR /srv/api
RUN pip install --no-cache-dir uv
COPY requirements.txt .
RUN uv pip install --system --no-cache -r requirements.txt \
    && find /usr/local -type d -name '__pycache__' -prune -exec rm -rf {} + \
    && rm -rf /root/.cache

FROM python:3.12-alpine
WORKDIR /srv/api
COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
COPY --from=build /usr/local/bin/uvicorn /usr/local/bin/uvicorn
ENV PYTHONUNBUFFERED=1
COPY api.py .
USER 10001
EXPOSE 8080
CMD ["uvicorn", "api:app", "--host", "0.0.0.0", "--port", "8080"]
