"""A minimal FastAPI service, packaged five ways by the Dockerfiles beside it."""
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def read_root():
    return {"message": "Hello from Docker!"}


@app.get("/health")
def health_check():
    return {"status": "healthy"}
