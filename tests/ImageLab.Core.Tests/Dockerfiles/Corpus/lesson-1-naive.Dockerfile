# A first attempt: everything in one image, nothing cleaned.
FROM python:3.12

WORKDIR /srv/api
RUN apt-get update
RUN apt-get install -y gcc build-essential libpq-dev
COPY . .
RUN pip install -r requirements.txt
EXPOSE 8080
CMD ["uvicorn", "api:app", "--host", "0.0.0.0", "--port", "8080"]
