# -*- coding: utf-8 -*-
"""flaskcompat and Flask through a real server: gunicorn on loopback, one
worker process, sync and threaded (gthread) workers, driven for a fixed short
time.

For each framework and worker class the script starts gunicorn on a free
loopback port with the app of ``bench_apps.py``, and:

1. measures requests/s and the 50th/99th latency percentiles of the clean mix
   (hello, route, json, form, template, session, 404) for ``--duration``
   seconds, with wrk when it is on PATH, else with the Python client below,
   in rounds on servers of their own (see below), with the worker's CPU
   time per request and the share of the phase it spent on the CPU (a sync
   worker that waits for each client to close its connection, as gunicorn
   27 does, is busy less than all the time however fast the app is);
2. on one more server, sends 1,000 requests and reads the worker's resident
   memory (RSS);
3. sends the same mix with ``--malformed`` of the requests malformed (a bad or
   non-ASCII method, a bad Content-Length, a non-UTF-8 query, broken
   multipart, non-ASCII bytes in headers and cookies, a truncated body, a body
   sent slowly) and counts the answers by status class: a 5xx is a failure;
4. keeps sending the clean mix until the worker has served
   ``--rss-requests`` requests and reads its RSS again;
5. with ``--slow-clients N``, holds N connections that send their request
   headers one byte at a time while a normal client keeps asking, first
   straight to gunicorn, then through nginx (when nginx is on PATH), which
   reads each request whole before it passes it on;
6. counts worker restarts: a worker that died or timed out is replaced by the
   master, which logs "Booting worker" again.

The clean mix is measured in ``--rounds`` rounds, each on a fresh server,
after one warm-up round of every framework that is not counted (the first
server of a run measured a few percent slower than later ones, whichever
framework it ran). In a round every framework runs once, one after the
other, the order reversed from round to round; the round with the median
requests/s of each framework is reported, and the ratio of the first
framework's requests/s to each other's is taken round by round (the two ran
side by side) and its median reported, and so is each other framework's
worker CPU time per request over the first's. With ``taskset`` on PATH and
at least two CPUs, gunicorn runs on the first CPU and the load generator on
the second (``--no-pin`` turns that off): on a small machine the two
otherwise compete for a core, and a threaded worker's threads pass the GIL
between cores, so the same app measures very differently from one run to
the next. For the whole run it also asks the kernel to keep idle CPUs out
of their sleep states (``/dev/cpu_dma_latency``, which needs root;
``--allow-cpu-sleep`` leaves them alone): a sync worker waits for the load
generator to close each connection, so the time that generator's idle CPU
takes to wake up is otherwise part of every request, and it is the
machine's, not the server's or the framework's. The output and the
``--json`` file say which way the run went.

Every process it starts is stopped in a ``finally`` block; every socket has a
timeout and every loop a deadline. Run it with ``tox -e load-py27`` or
``tox -e load-py313``, or with any interpreter that has gunicorn, Flask and
flaskcompat installed::

    python benchmarks/load_bench.py [--duration S] [--rounds N] [--no-pin]
        [--allow-cpu-sleep]
        [--rss-requests N] [--frameworks flaskcompat,flask]
        [--workers sync,gthread] [--malformed SHARE] [--slow-clients N]
        [--client wrk|python] [--json PATH]
    python benchmarks/load_bench.py --table RESULT.json [RESULT.json ...]
"""
from __future__ import print_function

import argparse
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

import bench_apps

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT_TIMEOUT = 5.0


def which(name):
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


#: The CPUs of ``taskset -c`` for the server and for the load generator,
#: or None to leave placement to the kernel (set by ``main``).
PLACES = {"server": None, "client": None}


def pinned(command, role):
    """``command`` run on the CPU of ``role``, when pinning is on."""
    cpu = PLACES[role]
    return ["taskset", "-c", cpu] + command if cpu is not None else command


def pin_this_process(role):
    """Move this process (all its threads) to the CPU of ``role``."""
    cpu = PLACES[role]
    if cpu is not None:
        with open(os.devnull, "w") as quiet:
            subprocess.check_call(["taskset", "-a", "-p", "-c", cpu, str(os.getpid())],
                                  stdout=quiet)


#: Linux's PM QoS request for the CPUs' wake-up latency, in microseconds: while
#: a process holds it open with 0 written to it, idle CPUs poll instead of
#: entering a sleep state they would take time to leave.
CPU_LATENCY_REQUEST = "/dev/cpu_dma_latency"


def keep_cpus_awake(path=CPU_LATENCY_REQUEST):
    """Ask the kernel to keep idle CPUs out of their sleep states for as
    long as the returned file descriptor stays open: ``(fd, None)``, or
    ``(None, why)`` when the request cannot be made (no such file, or not
    allowed to write it).

    A sync worker waits for each client to close its connection before it
    accepts the next one, so every request also waits for the load
    generator's CPU to wake up and read the answer; how long that takes is
    a property of the machine (a virtual CPU that halts when idle takes
    tens of microseconds), not of the server or the framework, and it
    weighs most on the fastest app. Latency benchmarks make the same
    request (cyclictest does by default, and tuned's latency-performance
    profile holds a similar one).
    """
    try:
        handle = os.open(path, os.O_WRONLY)
    except (IOError, OSError) as problem:
        return None, "%s: %s" % (path, problem.strerror or problem)
    try:
        os.write(handle, struct.pack("=i", 0))
    except (IOError, OSError) as problem:
        os.close(handle)
        return None, "%s: %s" % (path, problem.strerror or problem)
    return handle, None


def free_port():
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
    finally:
        probe.close()


# --- requests on the wire ---------------------------------------------------


def raw_request(method, path, query=b"", body=b"", content_type=None, extra=()):
    target = path + (b"?" + query if query else b"")
    lines = [method + b" " + target + b" HTTP/1.1", b"Host: 127.0.0.1"]
    if content_type:
        lines.append(b"Content-Type: " + content_type)
    if body or method == b"POST":
        lines.append(b"Content-Length: " + str(len(body)).encode("ascii"))
    lines.extend(extra)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def clean_requests():
    """The scenarios of ``bench_apps`` as request bytes (the session one
    without a cookie: the app starts a session on every request)."""
    found = []
    for name, (method, path, query, body, content_type) in bench_apps.SCENARIOS:
        found.append((name, raw_request(
            method.encode("ascii"),
            path.encode("ascii"),
            query.encode("ascii"),
            body,
            content_type.encode("ascii") if content_type else None,
        )))
    return found


MULTIPART_BROKEN = (
    b"--xx\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nZo\r\n--x"
)

# name -> (request bytes sent at once, body sent afterwards in pieces or None,
# truncate: close the sending side after the bytes)
MALFORMED = [
    ("non-ASCII method", b"G\xc3\x89T / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", None, False),
    ("unknown method", b"FROB / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", None, False),
    ("bad Content-Length", raw_request(b"POST", b"/form", extra=[b"Content-Length: 12x"])
     .replace(b"Content-Length: 0\r\n", b""), None, False),
    ("negative Content-Length", raw_request(b"POST", b"/form", extra=[b"Content-Length: -5"])
     .replace(b"Content-Length: 0\r\n", b""), None, False),
    ("non-UTF-8 query", raw_request(b"GET", b"/users/1/posts/a", b"page=%ff%fe"), None, False),
    ("raw bytes in query", raw_request(b"GET", b"/users/1/posts/a", b"page=\xff\xfe"), None, False),
    ("non-UTF-8 path", raw_request(b"GET", b"/users/1/posts/%ff%fe"), None, False),
    ("double slash, CR LF NUL in query", raw_request(b"GET", b"//users//42/posts//x", b"a=%0d%0a%00%ff"),
     None, False),
    ("broken multipart", raw_request(
        b"POST", b"/form", body=MULTIPART_BROKEN,
        content_type=b"multipart/form-data; boundary=xx"), None, False),
    ("multipart without boundary", raw_request(
        b"POST", b"/form", body=b"name=a", content_type=b"multipart/form-data"), None, False),
    ("bytes in headers", raw_request(
        b"GET", b"/", extra=[b"X-Thing: \xff\xfe\x80", b"Accept-Language: \xc3\x28"]), None, False),
    ("bytes in cookie", raw_request(
        b"GET", b"/session", extra=[b"Cookie: session=\xff\xfe.\x80; =x; a"]), None, False),
    ("forged session", raw_request(
        b"GET", b"/session", extra=[b"Cookie: session=eyJ2aXNpdHMiOjl9.AAAA.BBBB"]), None, False),
    ("truncated body", raw_request(
        b"POST", b"/form", body=b"name=Zo", content_type=b"application/x-www-form-urlencoded"
    ).replace(b"Content-Length: 7", b"Content-Length: 100"), None, True),
    ("slow body", raw_request(
        b"POST", b"/form", body=b"", content_type=b"application/x-www-form-urlencoded"
    ).replace(b"Content-Length: 0", b"Content-Length: %d" % len(bench_apps.FORM_BODY)),
     bench_apps.FORM_BODY, False),
]


class HTTPConnection(object):
    """A keep-alive HTTP/1.1 connection on a raw socket: enough of the
    protocol to read the answers of gunicorn (Content-Length, chunked, or
    read to the end)."""

    def __init__(self, port):
        self.port = port
        self.sock = None
        self.pending = b""

    def close(self):
        if self.sock is not None:
            self.sock.close()
        self.sock = None
        self.pending = b""

    def connect(self):
        self.close()
        self.sock = socket.create_connection(("127.0.0.1", self.port), CLIENT_TIMEOUT)

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError("connection closed")
        self.pending += chunk

    def _read_line(self):
        while b"\r\n" not in self.pending:
            self._fill()
        line, self.pending = self.pending.split(b"\r\n", 1)
        return line

    def _read_exact(self, size):
        while len(self.pending) < size:
            self._fill()
        data, self.pending = self.pending[:size], self.pending[size:]
        return data

    def read_response(self):
        """(status, body); closes the connection when the server will."""
        while b"\r\n\r\n" not in self.pending:
            self._fill()
        head, self.pending = self.pending.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        if b"content-length" in headers:
            body = self._read_exact(int(headers[b"content-length"]))
        elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            parts = []
            while True:
                size = int(self._read_line().split(b";")[0], 16)
                if size == 0:
                    self._read_line()
                    break
                parts.append(self._read_exact(size))
                self._read_line()
            body = b"".join(parts)
        else:
            while True:
                try:
                    self._fill()
                except EOFError:
                    break
            body, self.pending = self.pending, b""
            self.close()
        if headers.get(b"connection", b"").lower() == b"close":
            self.close()
        return status, body

    def exchange(self, data):
        """Send ``data`` and read the answer, reconnecting once when a kept
        alive connection was closed by the server."""
        for attempt in (1, 2):
            if self.sock is None:
                self.connect()
            try:
                self.sock.sendall(data)
                return self.read_response()
            except (EOFError, socket.error):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def send_malformed(port, data, later, truncate):
    """One malformed request on its own connection: the status, or None
    when the server closed without an answer (or took longer than the
    client's timeout)."""
    connection = HTTPConnection(port)
    try:
        connection.connect()
        connection.sock.sendall(data)
        if later is not None:
            for start in range(0, len(later), 8):
                time.sleep(0.02)
                connection.sock.sendall(later[start:start + 8])
        if truncate:
            connection.sock.shutdown(socket.SHUT_WR)
        return connection.read_response()[0]
    except (EOFError, socket.error, ValueError, IndexError):
        return None
    finally:
        connection.close()


def percentile(ordered, share):
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))
    return ordered[index]


def drive(port, seconds, connections, malformed=0.0, limit=None, seed=1):
    """Send the mix from ``connections`` threads until ``seconds`` pass (or
    ``limit`` requests are sent): counts by status class and latencies."""
    clean = clean_requests()
    lock = threading.Lock()
    totals = {"sent": 0, "malformed": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0,
              "no answer": 0, "errors": 0, "latencies": [], "5xx kinds": {},
              "malformed answers": {}}
    deadline = time.time() + seconds
    budget = [limit]

    def take():
        with lock:
            if budget[0] is not None:
                if budget[0] <= 0:
                    return False
                budget[0] -= 1
            return True

    def worker(number):
        chooser = random.Random(seed + number)
        connection = HTTPConnection(port)
        latencies = []
        counts = {}
        kinds = {}
        answers = {}
        try:
            turn = number
            while time.time() < deadline and take():
                if malformed and chooser.random() < malformed:
                    name, data, later, truncate = chooser.choice(MALFORMED)
                    status = send_malformed(port, data, later, truncate)
                    counts["malformed"] = counts.get("malformed", 0) + 1
                    seen = answers.setdefault(name, {})
                    seen[str(status)] = seen.get(str(status), 0) + 1
                else:
                    name, data = clean[turn % len(clean)]
                    turn += 1
                    started = time.time()
                    try:
                        status = connection.exchange(data)[0]
                    except (EOFError, socket.error, ValueError, IndexError):
                        status = None
                        counts["errors"] = counts.get("errors", 0) + 1
                    else:
                        latencies.append(time.time() - started)
                counts["sent"] = counts.get("sent", 0) + 1
                if status is None:
                    key = "no answer"
                else:
                    key = "%dxx" % (status // 100)
                    if status >= 500:
                        kinds[name] = kinds.get(name, 0) + 1
                counts[key] = counts.get(key, 0) + 1
        finally:
            connection.close()
            with lock:
                for key, value in counts.items():
                    totals[key] += value
                totals["latencies"].extend(latencies)
                for key, value in kinds.items():
                    totals["5xx kinds"][key] = totals["5xx kinds"].get(key, 0) + value
                for name, seen in answers.items():
                    merged = totals["malformed answers"].setdefault(name, {})
                    for status, value in seen.items():
                        merged[status] = merged.get(status, 0) + value

    started = time.time()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.daemon = True
        thread.start()
    for thread in threads:
        thread.join(seconds + 4 * CLIENT_TIMEOUT + 5)
    elapsed = time.time() - started
    latencies = sorted(totals.pop("latencies"))
    totals["seconds"] = elapsed
    totals["rps"] = totals["sent"] / elapsed if elapsed else 0.0
    totals["p50 ms"] = percentile(latencies, 0.50) * 1000
    totals["p99 ms"] = percentile(latencies, 0.99) * 1000
    return totals


WRK_SCRIPT = """
local requests = {}
local turn = 0
init = function(args)
%s
end
request = function()
  turn = turn %% #requests + 1
  return requests[turn]
end
"""


def wrk_script(folder):
    lines = []
    for number, (_name, (method, path, query, body, content_type)) in enumerate(
        bench_apps.SCENARIOS
    ):
        target = path + ("?" + query if query else "")
        headers = '{["Content-Type"] = "%s"}' % content_type if content_type else "nil"
        body_text = '"%s"' % body.decode("ascii") if body else "nil"
        lines.append(
            '  requests[%d] = wrk.format("%s", "%s", %s, %s)'
            % (number + 1, method, target, headers, body_text)
        )
    path = os.path.join(folder, "mix.lua")
    with open(path, "w") as stream:
        stream.write(WRK_SCRIPT % "\n".join(lines))
    return path


def run_wrk(wrk, port, seconds, connections, script):
    command = [
        wrk, "--threads", "1", "--connections", str(connections),
        "--duration", "%ds" % seconds, "--timeout", "%ds" % int(CLIENT_TIMEOUT),
        "--latency", "--script", script, "http://127.0.0.1:%d/" % port,
    ]
    output = subprocess.check_output(pinned(command, "client"), universal_newlines=True)

    def number(pattern, default=0.0):
        found = re.search(pattern, output)
        return float(found.group(1)) if found else default

    def millis(pattern):
        found = re.search(pattern + r"\s+([\d.]+)(us|ms|s)\b", output)
        if not found:
            return float("nan")
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]
        return float(found.group(1)) * scale

    sent = int(number(r"(\d+) requests in"))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "sent": sent,
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "p50 ms": millis(r"\n\s+50%"),
        "p99 ms": millis(r"\n\s+99%"),
        "non-2xx/3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket errors": sum(int(g) for g in errors.groups()) if errors else 0,
        "command": " ".join(command[:-3]) + " --script mix.lua URL",
    }


# --- gunicorn and its worker --------------------------------------------------


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
        except (IOError, OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return sorted(found)


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as stream:
        for line in stream:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise ValueError("no VmRSS for %d" % pid)


def cpu_seconds(pid):
    """User plus system CPU time a process (all its threads) has used."""
    with open("/proc/%d/stat" % pid) as stream:
        fields = stream.read().rsplit(")", 1)[1].split()
    # fields[0] is the state (field 3 of proc(5)): utime and stime are 14, 15
    ticks = int(fields[11]) + int(fields[12])
    return ticks / float(os.sysconf("SC_CLK_TCK"))


class Server(object):
    """gunicorn with one worker, started on a free loopback port."""

    def __init__(self, framework, worker_class, folder, threads=4, timeout=30):
        self.port = free_port()
        self.log_path = os.path.join(folder, "gunicorn-%s-%s.log" % (framework, worker_class))
        gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
        self.command = [
            gunicorn if os.path.exists(gunicorn) else "gunicorn",
            "--bind", "127.0.0.1:%d" % self.port,
            "--workers", "1",
            "--worker-class", worker_class,
            "--timeout", str(timeout),
            "--keep-alive", "5",
            "--chdir", HERE,
            "--log-level", "info",
        ]
        if worker_class == "gthread":
            self.command += ["--threads", str(threads)]
        self.command.append("bench_apps:app_from_environment()")
        environment = dict(os.environ, BENCH_FRAMEWORK=framework)
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            pinned(self.command, "server"), stdout=self.log, stderr=subprocess.STDOUT,
            env=environment,
        )
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise

    def wait_ready(self, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("gunicorn exited:\n" + self.read_log())
            try:
                status = HTTPConnection(self.port).exchange(clean_requests()[0][1])[0]
            except (EOFError, socket.error):
                time.sleep(0.2)
                continue
            if status == 200 and self.worker():
                return
        raise SystemExit("gunicorn did not answer in %ds:\n%s" % (seconds, self.read_log()))

    def worker(self):
        found = children(self.process.pid)
        return found[0] if found else None

    def read_log(self):
        self.log.flush()
        with open(self.log_path) as stream:
            return stream.read()

    def boots(self):
        return self.read_log().count("Booting worker")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            deadline = time.time() + 10
            while self.process.poll() is None and time.time() < deadline:
                time.sleep(0.1)
            if self.process.poll() is None:
                for pid in children(self.process.pid):
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                self.process.kill()
                self.process.wait()
        self.log.close()


NGINX_CONF = """
worker_processes 1;
daemon off;
pid %(folder)s/nginx.pid;
error_log %(folder)s/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %(folder)s/body;
    proxy_temp_path %(folder)s/proxy;
    fastcgi_temp_path %(folder)s/fastcgi;
    uwsgi_temp_path %(folder)s/uwsgi;
    scgi_temp_path %(folder)s/scgi;
    upstream app { server 127.0.0.1:%(upstream)d; keepalive 8; }
    server {
        listen 127.0.0.1:%(port)d;
        client_header_timeout 10s;
        client_body_timeout 10s;
        location / {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
        }
    }
}
"""


class Proxy(object):
    """nginx in front of ``upstream``, in its own temporary folder."""

    def __init__(self, nginx, upstream):
        self.folder = tempfile.mkdtemp(prefix="bench-nginx-")
        os.chmod(self.folder, 0o755)
        self.port = free_port()
        config = os.path.join(self.folder, "nginx.conf")
        with open(config, "w") as stream:
            stream.write(NGINX_CONF % {
                "folder": self.folder, "upstream": upstream, "port": self.port})
        self.process = subprocess.Popen(
            [nginx, "-p", self.folder, "-c", config],
            stdout=subprocess.DEVNULL if hasattr(subprocess, "DEVNULL") else None,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return
            except socket.error:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        raise SystemExit("nginx did not start")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            deadline = time.time() + 10
            while self.process.poll() is None and time.time() < deadline:
                time.sleep(0.1)
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def slow_clients(port, count, seconds, normal_port=None):
    """``count`` connections sending ``GET /`` one header byte every 0.2 s
    while one normal client asks ``normal_port`` (default: ``port``) for
    ``/`` for ``seconds``: how many of its requests were answered."""
    request = raw_request(b"GET", b"/", extra=[b"User-Agent: slow" + b"w" * 40])
    stop = threading.Event()

    def crawl():
        try:
            sock = socket.create_connection(("127.0.0.1", port), CLIENT_TIMEOUT)
        except socket.error:
            return
        try:
            for index in range(len(request)):
                if stop.wait(0.2):
                    break
                sock.sendall(request[index:index + 1])
        except socket.error:
            pass
        finally:
            sock.close()

    crawlers = [threading.Thread(target=crawl) for _ in range(count)]
    for thread in crawlers:
        thread.daemon = True
        thread.start()
    time.sleep(1.0)  # let them connect and take the worker
    try:
        result = drive(normal_port or port, seconds, 1, limit=None)
    finally:
        stop.set()
        for thread in crawlers:
            thread.join(CLIENT_TIMEOUT + 1)
    return {"answered": result["2xx"] + result["4xx"],
            "failed": result["no answer"] + result["errors"],
            "rps": result["rps"]}


# --- the run ------------------------------------------------------------------


def clean_mix(server, args, folder, wrk):
    """requests/s, latency and the worker's CPU time per request of the
    clean mix (what the framework and gunicorn cost, whoever else shares
    the machine)."""
    cpu_before = cpu_seconds(server.worker())
    started = time.time()
    if wrk:
        clean = run_wrk(wrk, server.port, args.duration, args.connections, wrk_script(folder))
    else:
        clean = drive(server.port, args.duration, args.connections)
    elapsed = time.time() - started
    if clean["sent"]:
        used = cpu_seconds(server.worker()) - cpu_before
        clean["worker cpu us"] = used * 1e6 / clean["sent"]
        # The share of the phase the worker spent on the CPU: below 100%,
        # it waited (for a client, or for a connection to close).
        clean["worker busy"] = used / elapsed if elapsed > 0 else 0.0
    return clean


def clean_round(framework, worker_class, args, folder, wrk):
    """One more round of the clean mix, on a fresh server warmed up with
    1,000 requests like the first."""
    server = Server(framework, worker_class, folder)
    try:
        drive(server.port, 300, 1, limit=1000)
        return clean_mix(server, args, folder, wrk)
    finally:
        server.stop()


def median_round(rounds):
    """The round with the median requests/s (the lower one of the middle
    two for an even count)."""
    ordered = sorted(rounds, key=lambda found: found["rps"])
    return ordered[(len(ordered) - 1) // 2]


def clean_rounds(frameworks, worker_class, args, folder, wrk):
    """The rounds of the clean mix, one list per framework: a warm-up round
    first, not counted, then ``--rounds`` rounds in which every framework
    runs once, the order reversed from one round to the next."""
    for framework in frameworks:
        clean_round(framework, worker_class, args, folder, wrk)
    found = [[] for _ in frameworks]
    for number in range(args.rounds):
        order = list(range(len(frameworks)))
        if number % 2:
            order.reverse()
        for index in order:
            found[index].append(clean_round(frameworks[index], worker_class, args, folder, wrk))
    return found


def paired_ratios(rounds, others):
    """The first framework's requests/s over each other framework's, round
    by round, with their median (the lower middle one for an even count)."""
    ratios = {}
    for name, theirs in others:
        each = [ours["rps"] / their["rps"] for ours, their in zip(rounds, theirs) if their["rps"]]
        if each:
            ratios[name] = {"rounds": each, "median": sorted(each)[(len(each) - 1) // 2]}
    return ratios


def paired_cpu_ratios(rounds, others):
    """Each other framework's worker CPU time per request over the first
    framework's, round by round, with their median: how much server CPU
    a request costs on each, whatever the worker waited for."""
    ratios = {}
    for name, theirs in others:
        each = [
            their["worker cpu us"] / ours["worker cpu us"]
            for ours, their in zip(rounds, theirs)
            if ours.get("worker cpu us") and their.get("worker cpu us")
        ]
        if each:
            ratios[name] = {"rounds": each, "median": sorted(each)[(len(each) - 1) // 2]}
    return ratios


def measure(framework, worker_class, args, folder, wrk, nginx):
    """Memory, malformed requests, slow clients and restarts, on one server
    (the clean mix is measured by :func:`clean_rounds`)."""
    server = Server(framework, worker_class, folder)
    result = {"framework": framework, "worker": worker_class}
    try:
        first_worker = server.worker()
        served = drive(server.port, 300, 1, limit=1000)["sent"]
        result["rss 1k KiB"] = rss_kib(server.worker())
        mixed = drive(server.port, args.duration, args.connections, malformed=args.malformed)
        served += mixed["sent"]
        result["malformed mix"] = mixed
        while served < args.rss_requests:
            if wrk:
                more = run_wrk(wrk, server.port, 5, args.connections, wrk_script(folder))
            else:
                more = drive(server.port, 60, args.connections,
                             limit=args.rss_requests - served)
            if not more["sent"]:
                break
            served += more["sent"]
        result["requests served"] = served
        result["rss end KiB"] = rss_kib(server.worker())
        if args.slow_clients:
            slow = {"direct": slow_clients(server.port, args.slow_clients, 5)}
            if nginx:
                proxy = Proxy(nginx, server.port)
                try:
                    slow["through nginx"] = slow_clients(proxy.port, args.slow_clients, 5)
                finally:
                    proxy.stop()
            result["slow clients"] = slow
        result["worker restarts"] = server.boots() - 1
        result["same worker"] = server.worker() == first_worker
        result["worker timeouts"] = server.read_log().count("WORKER TIMEOUT")
    finally:
        server.stop()
    return result


def print_result(result):
    clean = result["clean"]
    mixed = result["malformed mix"]
    print(
        "%-12s %-8s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  RSS %6d -> %6d KiB after %d"
        % (result["framework"], result["worker"], clean["rps"], clean["p50 ms"],
           clean["p99 ms"], result["rss 1k KiB"], result["rss end KiB"],
           result["requests served"])
    )
    if "worker cpu us" in clean:
        print("%-21s worker CPU per request of the clean mix: %.0f us"
              % ("", clean["worker cpu us"]))
    if "worker busy" in clean:
        print("%-21s worker on the CPU for %.0f%% of the clean mix's time"
              % ("", clean["worker busy"] * 100))
    rounds = result.get("clean rounds", [])
    if len(rounds) > 1:
        print("%-21s req/s of the %d rounds: %s (the median one above)" % (
            "", len(rounds), ", ".join("%.0f" % found["rps"] for found in rounds)))
    for other, ratio in sorted(result.get("ratios", {}).items()):
        print("%-21s req/s over %s's, round by round: %s (median %.2f)" % (
            "", other, ", ".join("%.2f" % each for each in ratio["rounds"]), ratio["median"]))
    for other, ratio in sorted(result.get("cpu ratios", {}).items()):
        print("%-21s %s's worker CPU per request over ours, round by round: %s (median %.2f)" % (
            "", other, ", ".join("%.2f" % each for each in ratio["rounds"]), ratio["median"]))
    print(
        "%-21s malformed mix: %d sent (%d malformed): 2xx %d, 4xx %d, 5xx %d, "
        "no answer %d; worker restarts %d"
        % ("", mixed["sent"], mixed["malformed"], mixed["2xx"], mixed["4xx"],
           mixed["5xx"], mixed["no answer"], result["worker restarts"])
    )
    print("%-21s answers to malformed requests: %s" % ("", "; ".join(
        "%s %s" % (name, "/".join(sorted(seen)))
        for name, seen in sorted(mixed["malformed answers"].items()))))
    if mixed["5xx kinds"]:
        print("%-21s 5xx from: %s" % ("", mixed["5xx kinds"]))
    for where, slow in sorted(result.get("slow clients", {}).items()):
        print(
            "%-21s with slow clients, %s: %d answered, %d failed in 5 s"
            % ("", where, slow["answered"], slow["failed"])
        )


def grid(header, rows):
    """A reStructuredText simple table."""
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(h.ljust(w) for h, w in zip(header, widths)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(rule)
    return "\n".join(line.rstrip() for line in lines)


def rst_tables(paths):
    """The documentation's tables of one or more ``--json`` files: the
    load, the slow clients, and the answers to malformed requests."""
    runs = []
    for path in paths:
        with open(path) as stream:
            runs.append(json.load(stream))
    load, slow, answers = [], [], {}
    for run in runs:
        python = run["versions"]["python"]
        # "awake": the run held idle CPUs out of their sleep states
        idle = {"held off": "awake", "allowed": "sleep"}.get(run.get("cpu sleep"), "-")
        for result in run["results"]:
            name = result["framework"]
            if name == "flask":
                name = "Flask %s" % run["versions"]["flask"]
            clean, mixed = result["clean"], result["malformed mix"]
            load.append([
                python, result["worker"], idle, name,
                "%.0f" % clean["rps"], "%.1f" % clean["p50 ms"], "%.1f" % clean["p99 ms"],
                "%.0f" % clean["worker cpu us"] if "worker cpu us" in clean else "-",
                "%.0f" % (clean["worker busy"] * 100) if "worker busy" in clean else "-",
                "%.1f" % (result["rss 1k KiB"] / 1024.0),
                "%.1f (%dk)" % (result["rss end KiB"] / 1024.0,
                                result["requests served"] // 1000),
                "%d / %d" % (mixed["malformed"], mixed["sent"]),
                "%d" % mixed["5xx"], "%d" % result["worker restarts"],
                ", ".join(
                    "%.2f x %s (%.2f-%.2f)" % (
                        ratio["median"], "Flask" if other == "flask" else other,
                        min(ratio["rounds"]), max(ratio["rounds"]))
                    for other, ratio in sorted(result.get("ratios", {}).items())
                ) or "-",
                ", ".join(
                    "%s %.2f (%.2f-%.2f)" % (
                        "Flask" if other == "flask" else other,
                        ratio["median"], min(ratio["rounds"]), max(ratio["rounds"]))
                    for other, ratio in sorted(result.get("cpu ratios", {}).items())
                ) or "-",
            ])
            for where, counts in sorted(result.get("slow clients", {}).items()):
                slow.append([python, result["worker"], name, where,
                             "%d" % counts["answered"], "%d" % counts["failed"]])
            for kind, seen in mixed["malformed answers"].items():
                merged = answers.setdefault(kind, {}).setdefault((python, name), set())
                merged.update(seen)
    columns = sorted(set(column for seen in answers.values() for column in seen))
    tables = [
        grid(["Python", "worker", "idle CPUs", "framework", "req/s", "p50 ms", "p99 ms",
              "CPU us/req", "busy %", "RSS 1k MiB", "RSS end MiB", "malformed / sent", "5xx",
              "restarts", "req/s ratio, median of rounds (range)",
              "their CPU/req over ours"], load),
        grid(["Python", "worker", "framework", "normal client", "answered", "failed"], slow),
        grid(["malformed request"] + ["%s, %s" % (c[1], c[0]) for c in columns],
             [[kind] + ["/".join(sorted(answers[kind].get(c, ()))) or "-" for c in columns]
              for kind in sorted(answers)]),
    ]
    return "\n\n".join(tables)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frameworks", default="flaskcompat,flask")
    parser.add_argument("--workers", default="sync,gthread")
    parser.add_argument("--duration", type=int, default=10, help="seconds per phase")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds of the clean mix, after one warm-up round; the median"
                        " one is reported")
    parser.add_argument("--no-pin", action="store_true",
                        help="leave the server and the load generator to the kernel's placement")
    parser.add_argument("--allow-cpu-sleep", action="store_true",
                        help="let idle CPUs enter their sleep states (by default the run"
                        " holds a PM QoS request that keeps them polling, when it may)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rss-requests", type=int, default=100000)
    parser.add_argument("--malformed", type=float, default=0.1)
    parser.add_argument("--slow-clients", type=int, default=50)
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--json", metavar="PATH", help="write the results here")
    parser.add_argument(
        "--table", nargs="+", metavar="RESULT", help="print the tables of --json files"
    )
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.table:
        print(rst_tables(args.table))
        return

    wrk = None if args.client == "python" else which("wrk")
    if args.client == "wrk" and not wrk:
        raise SystemExit("wrk is not on PATH")
    nginx = which("nginx") or (os.path.exists("/usr/sbin/nginx") and "/usr/sbin/nginx")
    versions = {"python": platform.python_version()}
    for name in ("gunicorn", "flask", "werkzeug"):
        versions[name] = bench_apps.distribution_version(name)
    print("Python %(python)s, gunicorn %(gunicorn)s, Flask %(flask)s, Werkzeug %(werkzeug)s"
          % versions)
    print("load: %s, %d connections, %d s per phase; slow-client proxy: %s"
          % (wrk or "Python client", args.connections, args.duration, nginx or "none"))
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if not cpus:
        count = os.sysconf("SC_NPROCESSORS_ONLN")
        cpus = list(range(count)) if count > 0 else []
    if not args.no_pin and which("taskset") and len(cpus) >= 2:
        PLACES["server"], PLACES["client"] = str(cpus[0]), str(cpus[1])
        pin_this_process("client")
    print("gunicorn on CPU %s, load generator on CPU %s; %d rounds of the clean mix"
          % (PLACES["server"] or "any", PLACES["client"] or "any", args.rounds))
    if args.allow_cpu_sleep:
        awake, why = None, "--allow-cpu-sleep"
    else:
        awake, why = keep_cpus_awake()
    cpu_sleep = "held off" if awake is not None else "allowed"
    print("CPU sleep states: %s%s" % (cpu_sleep, " (%s)" % why if why else
                                      " (%s = 0, held for the whole run)" % CPU_LATENCY_REQUEST))
    folder = tempfile.mkdtemp(prefix="bench-load-")
    results = []
    frameworks = args.frameworks.split(",")
    try:
        for worker_class in args.workers.split(","):
            rounds = clean_rounds(frameworks, worker_class, args, folder, wrk)
            found = []
            for index, framework in enumerate(frameworks):
                result = measure(framework, worker_class, args, folder, wrk, nginx)
                result["clean rounds"] = rounds[index]
                result["clean"] = median_round(rounds[index])
                found.append(result)
            others = list(zip(frameworks[1:], rounds[1:]))
            found[0]["ratios"] = paired_ratios(rounds[0], others)
            found[0]["cpu ratios"] = paired_cpu_ratios(rounds[0], others)
            for result in found:
                print_result(result)
                results.append(result)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if awake is not None:
            os.close(awake)
    if args.json:
        with open(args.json, "w") as stream:
            json.dump({"versions": versions, "client": "wrk" if wrk else "python",
                       "connections": args.connections, "duration": args.duration,
                       "rounds": args.rounds, "cpus": PLACES, "cpu sleep": cpu_sleep,
                       "results": results}, stream, indent=1, sort_keys=True)
            stream.write("\n")
    failures = sum(r["malformed mix"]["5xx"] + r["worker restarts"] for r in results)
    if failures:
        raise SystemExit("%d answers were 5xx or workers restarted" % failures)


if __name__ == "__main__":
    main()
