# SPDX-License-Identifier: Apache-2.0
"""The ClickHouse engine (chDB, in process) behind enough of ClickHouse's HTTP interface for the
tests: `clitel report --clickhouse` and `clitel forget --clickhouse` (through @clickhouse/client)
talk to it unchanged.

    python http-server.py DATA_DIR

Listens on 127.0.0.1 (port 0) and prints `listening http://127.0.0.1:PORT` when ready, then one
JSON line per statement it ran (`{"sql", "params", "settings", "database", "auth", "error"}`) on
stdout. Exits when its stdin closes, so it never outlives the test that started it.

What it does as the HTTP interface does: GET /ping; the statement is the `query` URL parameter
followed by the POST body (so INSERT … FORMAT … data works); `database` picks the current
database; `param_<name>` values are passed to the engine as the strings received, for the
`{name:Type}` placeholders (chDB parses them by the declared type, as the server does); every
other URL parameter but query_id, session_id and default_format is a setting, applied for this
statement only; the default output format is TabSeparated; an error is HTTP 500 with the
engine's `Code: N. DB::Exception: …` text and X-ClickHouse-Exception-Code. Not done: auth (the
credentials are recorded, not checked), compression, sessions, multipart parameters.
"""
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from chdb import session as chdb_session

NOT_SETTINGS = {"query", "query_id", "database", "session_id", "default_format", "user", "password"}
CODE = re.compile(r"Code: (\d+)\.")
IDENTIFIER = re.compile(r"^[A-Za-z0-9_-]+$")
SETTING = re.compile(r"^[A-Za-z0-9_]+$")


def quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class Engine:
    def __init__(self, path):
        self.session = chdb_session.Session(path)
        self.lock = threading.Lock()

    def run(self, sql, database, settings, params, fmt):
        """Runs one statement with its own database and settings; returns bytes or raises."""
        if not IDENTIFIER.match(database):
            raise ValueError(f"Code: 81. DB::Exception: Database {database} does not exist. (UNKNOWN_DATABASE)")
        with self.lock:
            self.session.query(f"USE `{database}`")
            applied = []
            try:
                for name, value in settings.items():
                    if not SETTING.match(name):
                        raise ValueError(f"Code: 115. DB::Exception: Unknown setting {name}. (UNKNOWN_SETTING)")
                    self.session.query(f"SET {name} = {quote(value)}")
                    applied.append(name)
                result = self.session.query(sql, fmt, params=params)
                return result.bytes() if hasattr(result, "bytes") else bytes(str(result), "utf-8")
            finally:
                for name in applied:
                    self.session.query(f"SET {name} = DEFAULT")


ENGINE = None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def answer(self, status, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if urlsplit(self.path).path == "/ping":
            self.answer(200, b"Ok.\n")
            return
        self.statement(b"")

    def do_POST(self):
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            body = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                chunk = self.rfile.read(size + 2)[:size] if size > 0 else b""
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                body += chunk
        else:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
        self.statement(body)

    def statement(self, body):
        fields = parse_qsl(urlsplit(self.path).query, keep_blank_values=True)
        query = dict(fields).get("query", "")
        text = body.decode("utf-8")
        sql = f"{query}\n{text}" if query != "" and text != "" else (query or text)
        params = {k[len("param_"):]: v for k, v in fields if k.startswith("param_")}
        settings = {k: v for k, v in fields if not k.startswith("param_") and k not in NOT_SETTINGS}
        database = dict(fields).get("database", "default")
        fmt = dict(fields).get("default_format", "TabSeparated")
        auth = self.headers.get("Authorization", "")
        record = {"sql": sql if query == "" else query, "params": params, "settings": settings, "database": database, "auth": auth}
        try:
            out = ENGINE.run(sql, database, settings, params, fmt)
        except Exception as error:  # the engine's message, as the server sends it
            message = str(error)
            code = CODE.search(message)
            record["error"] = message.split("\n")[0]
            print(json.dumps(record), flush=True)
            self.answer(500, (message.rstrip("\n") + "\n").encode("utf-8"), {"X-ClickHouse-Exception-Code": code.group(1) if code else "1001"})
            return
        print(json.dumps(record), flush=True)
        self.answer(200, out, {"X-ClickHouse-Summary": "{}"})


def main():
    global ENGINE
    ENGINE = Engine(sys.argv[1])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"listening http://127.0.0.1:{server.server_address[1]}", flush=True)
    sys.stdin.read()  # until the test closes our stdin (or dies)
    server.shutdown()


if __name__ == "__main__":
    main()
