# Same service on the slim variant; the compiler is still needed for psycopg.
FROM python:3.12-slim

WORKDIR /srv/api
RUN apt-get update && \
    apt-get install -y gcc libpq-dev
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY api.py .
EXPOSE 8080
CMD ["uvicorn", "api:app", "--host", "0.0.0.0", "--port", "8080"]
