"""A tiny FastAPI service: the application every iteration of this sample packages."""
from fastapi import FastAPI

app = FastAPI(title="greeter")


@app.get("/")
def read_root():
    return {"message": "Hello from a small image!"}


@app.get("/health")
def health_check():
    return {"status": "healthy"}
