"""The bare-Flask baseline of the HTTP benches: "hello" to any GET, and a JSON 201 to the
booking POST (no database), served by the same gunicorn settings as the platform."""
from flask import Flask, jsonify, request

app = Flask("bare")


@app.get("/", defaults={"path": ""})
@app.get("/<path:path>")
def hello(path):
    return "hello"


@app.post("/api/v1/bookings")
def create():
    body = request.get_json()
    return jsonify({"id": 1, "status": "confirmed", "resource": body.get("resource")}), 201
