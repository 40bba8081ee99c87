"""The multi-worker server starts as a deployment starts it, its gevent process included."""

import json
import urllib.request

import websocket
from conftest import GEVENT_PORTS


def test_gevent_process_serves_websockets(odoo_server):
    """The gevent (websocket) process answers and upgrades a websocket connection.

    It dies at start when Odoo is started with `python -m odoo` or with an old setuptools;
    the prefork server then restarts it again and again, which only its log shows (bin/test
    reads that log too)."""
    base_url, database = odoo_server
    port = GEVENT_PORTS[database]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/websocket/health", timeout=30) as r:
        assert json.load(r) == {"status": "pass"}
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{port}/websocket", timeout=30, origin=base_url
    )
    try:
        assert ws.connected
    finally:
        ws.close()
