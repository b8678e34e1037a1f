"""gunicorn's settings (`gunicorn -c config/gunicorn.py config.wsgi`).

https://docs.gunicorn.org/en/stable/settings.html
"""

import os

from gunicorn.http import wsgi

# Where to listen: `make run` passes HOST and PORT; the container listens on 0.0.0.0:8000.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# One process with several threads; raise WEB_CONCURRENCY for more processes (the
# sign-in limits are counted in the database, so every process shares them).
workers = int(os.environ.get("WEB_CONCURRENCY", "1"))
worker_class = "gthread"
# Requests queue for a free thread in the order they arrive. A sign-in holds its thread
# while it waits for a hashing slot (core/hashers.py), so with few threads 20 sign-ins
# at once would leave none for /health and everyone else. Threads that wait cost
# little memory and no CPU; on PostgreSQL each keeps a connection open (60 s).
threads = int(os.environ.get("GUNICORN_THREADS", "32"))
timeout = 30
# An idle client connection stays open 30 s (gunicorn's default is 2 s), longer than
# nginx keeps one (deploy/nginx/default.conf): a connection closed just as nginx reuses
# it would make nginx answer a 502.
keepalive = 30
accesslog = "-"
# One line per request: method, path, status, duration (ms) and the request id that
# core.middleware.RequestIdMiddleware returns in X-Request-ID.
access_log_format = "%(m)s %(U)s %(s)s %(M)sms request_id=%({x-request-id}o)s"
# The longest request line gunicorn reads (its maximum; the default is 4094). A longer
# one gets gunicorn's own bare 414, before Django and its security headers: a URL of
# 8 KiB is allowed, as uvicorn, Node.js and Go allow at least that much.
limit_request_line = 8190
# gunicorn 25+ opens a control socket in your home folder by default; nothing here uses it.
control_socket_disable = True

# gunicorn names itself in a `Server:` header on every response. Telling the world
# which server runs here only helps attackers pick an exploit, so it says nothing.
wsgi.SERVER = ""
