"""The baseline for the HTTP booking bench: a bare Flask endpoint answering a JSON POST with 201."""
from flask import Flask, jsonify, request

app = Flask("bare")


@app.post("/api/v1/bookings")
def create():
    body = request.get_json()
    return jsonify({"id": 1, "status": "confirmed", "resource": body.get("resource")}), 201
