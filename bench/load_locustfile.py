"""The clients of bench/bench_load.py: run by locust from bench/.locust-venv, never imported by Marsad.

Each client asks for one request after another with no pause: an endpoint drawn at random from the plan
(every endpoint equally often), then one of its paths. bench_load.py writes the plan (MARSAD_LOAD_PLAN: a JSON
file of endpoints, their paths, and the staff session for the admin) and reads locust's CSV afterwards.
Redirects are not followed: anything but a 200 is an error (an admin page that sends to the sign-in page
is one, not a success).
"""
import json
import os
import random

from locust import FastHttpUser, constant, task

with open(os.environ["MARSAD_LOAD_PLAN"]) as plan_file:
    PLAN = json.load(plan_file)

# What a browser sends: the API compresses when asked (tracker.middleware.ApiGZipMiddleware).
HEADERS = {"Accept-Encoding": "gzip"}
if PLAN["close"]:
    # As a proxy without upstream keep-alive: each request on a new connection, which any worker may accept.
    HEADERS["Connection"] = "close"
STAFF_HEADERS = dict(HEADERS, Cookie=PLAN["staff_cookie"])


class Client(FastHttpUser):
    wait_time = constant(0)

    @task
    def request(self):
        endpoint = random.choice(PLAN["endpoints"])
        path = random.choice(endpoint["paths"])
        headers = STAFF_HEADERS if endpoint["staff"] else HEADERS
        with self.client.get(
            path, name=endpoint["name"], headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            # Status 0 is no answer at all (refused, reset, timed out): locust reports its exception as it is.
            if response.status_code not in (0, 200):
                response.failure(f"HTTP {response.status_code}")
