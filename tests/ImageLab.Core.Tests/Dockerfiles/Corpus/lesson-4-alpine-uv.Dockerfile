# Smaller base, faster installer.
FROM python:3.12-alpine AS build
WORKDIR /srv/api
RUN pip install uv
COPY requirements.txt .
# --system: install into the interpreter itself, so the runtime stage can copy site-packages
RUN uv pip install --system --no-cache -r requirements.txt

FROM python:3.12-alpine
WORKDIR /srv/api
COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
COPY --from=build /usr/local/bin /usr/local/bin
ENV PYTHONUNBUFFERED=1
COPY api.py .
EXPOSE 8080
CMD ["uvicorn", "api:app", "--host", "0.0.0.0", "--port", "8080"]
