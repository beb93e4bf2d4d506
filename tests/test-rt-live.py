#!/usr/bin/env python3
# test-rt-live.py — the RT bridge against a real Request Tracker 5.
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-rt-live.py SOURCE_ROOT PULSE_SERVER
#
# Starts Debian's RT 5 on loopback (tools/rt-test-env), creates a queue
# and tickets, replies and changes owners through RT's REST 2 API, and
# checks that pulse-server --bridge rt shows them in its snapshot and its
# event stream within a few poll intervals; restarts the bridge and checks
# nothing is doubled; stops RT and starts it again under the bridge.
# Exit 77 (skipped) when RT is not installed: tools/rt-install installs it.

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

POLL = 0.5          # the bridge's poll interval in this test
WITHIN = 20 * POLL  # "a few poll intervals", with room for a loaded CI machine
ROOT_AUTH = "Basic " + base64.b64encode(b"root:pulse-rt-test").decode()

source_root, pulse_server = sys.argv[1], sys.argv[2]
rt_env = os.path.join(source_root, "tools", "rt-test-env")
if subprocess.run([rt_env, "available"]).returncode != 0:
    print("SKIP: Debian's request-tracker5 is not installed (run tools/rt-install as root)")
    sys.exit(77)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, auth=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if auth:
        request.add_header("Authorization", auth)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read() or b"null")


class Rt:
    def __init__(self, workdir):
        self.dir = os.path.join(workdir, "rt")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        subprocess.run([rt_env, "start", self.dir, str(self.port)], check=True)

    def stop(self):
        subprocess.run([rt_env, "stop", self.dir], check=True)

    def rest(self, method, path, body=None):
        return http(method, f"{self.url}/REST/2.0/{path}", body, ROOT_AUTH)

    def ticket(self, subject, requestor, text):
        return int(self.rest("POST", "ticket", {"Queue": "Pulse Chat", "Subject": subject,
                                                "Requestor": requestor, "Content": text,
                                                "ContentType": "text/plain"})["id"])

    def reply(self, number, text):
        self.rest("POST", f"ticket/{number}/correspond", {"Content": text,
                                                          "ContentType": "text/plain"})


class Events(threading.Thread):
    """A raw RFC 6455 client for /api/v1/events: frames from the server are unmasked."""

    def __init__(self, url, token, since):
        super().__init__(daemon=True)
        host, port = url.split("//")[1].split(":")
        self.sock = socket.create_connection((host, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /api/v1/events?since={since} HTTP/1.1\r\nHost: {host}\r\n"
                           f"Authorization: Bearer {token}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(4096)
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 101"), head
        self.events = []
        self.start()

    def read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def run(self):
        try:
            while True:
                b0, b1 = self.read(2)
                length = b1 & 0x7F
                if length == 126:
                    length = int.from_bytes(self.read(2), "big")
                elif length == 127:
                    length = int.from_bytes(self.read(8), "big")
                payload = self.read(length)
                if b0 & 0x0F == 1:
                    self.events.append(json.loads(payload))
                elif b0 & 0x0F == 8:
                    return
        except (EOFError, OSError):
            return

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class Pulse:
    def __init__(self, workdir, rt):
        self.db = os.path.join(workdir, "pulse.db")
        self.rt = rt
        out = subprocess.run([pulse_server, "token", "add", "--db", self.db, "--user", "test",
                              "--role", "head"], check=True, capture_output=True, text=True)
        self.token = out.stdout.split()[0]
        self.log = open(os.path.join(workdir, "pulse-server.log"), "a")
        self.proc = None

    def start(self):
        env = dict(os.environ, PULSE_RT_PASSWORD="pulse-rt-test")
        self.proc = subprocess.Popen([pulse_server, "--db", self.db, "--listen", "127.0.0.1:0",
                                      "--bridge", "rt", "--rt-url", self.rt.url,
                                      "--rt-user", "root", "--rt-poll", str(POLL),
                                      "--rt-max-backoff", "1", "--rt-channel", "Pulse Chat=chat"],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        line = self.proc.stdout.readline()
        assert line.startswith("listening on "), line
        self.url = line.split()[-1]

    def stop(self):
        self.proc.terminate()
        assert self.proc.wait(timeout=30) == 0

    def snapshot(self):
        return http("GET", f"{self.url}/api/v1/snapshot", auth=f"Bearer {self.token}")


def wait_for(what, check, within=WITHIN):
    deadline = time.monotonic() + within
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {within} s: {what}")
        time.sleep(0.05)


def tickets(pulse):
    return {t["id"]: t for t in pulse.snapshot()["tickets"]}


def has(pulse, ticket_id, test):
    ticket = tickets(pulse).get(ticket_id)
    return ticket is not None and test(ticket)


def bodies(ticket):
    return [(m["author_kind"], m.get("author_id"), m["body"]) for m in ticket["messages"]]


def main(workdir):
    rt = Rt(workdir)
    rt.start()
    pulse = None
    try:
        rt.rest("POST", "queue", {"Name": "Pulse Chat"})
        # Before the bridge: the initial load brings it in.
        first = rt.ticket("Card blocked", "olena@example.com", "My card is blocked")
        rt.reply(first, "Unblocked, please try again")

        pulse = Pulse(workdir, rt)
        pulse.start()
        a = f"rt-{first}"
        wait_for("the initial load", lambda: has(pulse, a, lambda t: len(t["messages"]) == 2))
        snapshot = pulse.snapshot()
        assert [q["id"] for q in snapshot["queues"]][-1].startswith("rt-q-")
        assert {q["channel"] for q in snapshot["queues"]} == {"chat"}
        assert bodies(tickets(pulse)[a]) == [("customer", None, "My card is blocked"),
                                             ("agent", "rt-u-root", "Unblocked, please try again")]
        events = Events(pulse.url, pulse.token, snapshot["seq"])

        # Live: a new contact, the agent's reply, an owner, a status.
        started = time.monotonic()
        second = rt.ticket("Transfer missing", "taras@example.com", "Where is my transfer?")
        b = f"rt-{second}"
        rt.reply(second, "Looking into it")
        rt.rest("PUT", f"ticket/{second}", {"Owner": "alice"})
        rt.rest("PUT", f"ticket/{second}", {"Status": "stalled", "Priority": 95})
        last_change = time.monotonic()
        wait_for("the live changes", lambda: has(pulse, b, lambda t: (
            len(t["messages"]) == 2 and t.get("assignee_id") == "rt-u-alice" and
            t["status"] == "pending" and t["priority"] == "high")))
        now = time.monotonic()
        print(f"# live changes: made in RT over {last_change - started:.2f} s, all in Pulse "
              f"{now - last_change:.2f} s after the last (poll {POLL} s)")
        assert bodies(tickets(pulse)[b]) == [("customer", None, "Where is my transfer?"),
                                             ("agent", "rt-u-root", "Looking into it")]
        assert "rt-u-alice" in {g["id"] for g in pulse.snapshot()["agents"]}
        wait_for("the event stream", lambda: any(
            e["type"] == "ticket.updated" and e["data"]["id"] == b and
            e["data"].get("assignee_id") == "rt-u-alice" for e in events.events))
        types = [e["type"] for e in events.events if e["data"].get("id") == b or
                 e["data"].get("ticket_id") == b]
        assert types[0] == "ticket.created", types
        events.close()

        # A restart continues from the cursor: nothing again, the new reply once.
        before = tickets(pulse)
        pulse.stop()
        rt.reply(first, "Anything else?")
        pulse.start()
        wait_for("the reply made while the bridge was down",
                 lambda: has(pulse, a, lambda t: len(t["messages"]) == 3))
        time.sleep(4 * POLL)   # a few more polls that must add nothing
        after = tickets(pulse)
        assert len(after[a]["messages"]) == 3
        assert after[b]["messages"] == before[b]["messages"]
        assert after[b]["version"] == before[b]["version"]

        # RT goes away and comes back: the bridge backs off, then carries on.
        rt.stop()
        time.sleep(6 * POLL)
        assert pulse.proc.poll() is None, "the bridge died with RT"
        rt.start()
        third = rt.ticket("Limit raised?", "olena@example.com", "Can you raise my limit?")
        wait_for("a ticket after RT came back", lambda: f"rt-{third}" in tickets(pulse),
                 within=WITHIN + 2)

        # The whole log, from the start: one creation per ticket, each message once.
        log = Events(pulse.url, pulse.token, 0)
        wait_for("the replay", lambda: len(log.events) >= 1 and
                 log.events[-1]["seq"] == pulse.snapshot()["seq"])
        log.close()
        created = [e["data"]["id"] for e in log.events if e["type"] == "ticket.created"]
        assert sorted(created) == sorted([a, b, f"rt-{third}"]), created
        ids = [m["id"] for e in log.events if e["type"] == "ticket.created"
               for m in e["data"]["messages"]]
        ids += [e["data"]["message"]["id"] for e in log.events if e["type"] == "message.created"]
        assert len(ids) == len(set(ids)) == 6, ids
        print("# RT bridge: initial load, live changes, restart, RT outage: ok")
    finally:
        if pulse is not None and pulse.proc is not None and pulse.proc.poll() is None:
            pulse.stop()
        rt.stop()


workdir = tempfile.mkdtemp(prefix="pulse-rt-")
try:
    main(workdir)
except BaseException:
    for name in ("pulse-server.log", "rt/rt-server.log"):
        path = os.path.join(workdir, name)
        if os.path.exists(path):
            print(f"--- {name}", file=sys.stderr)
            print(open(path, errors="replace").read()[-6000:], file=sys.stderr)
    raise
shutil.rmtree(workdir, ignore_errors=True)
