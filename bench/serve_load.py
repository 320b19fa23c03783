#!/usr/bin/env python3
"""bench/serve_load.py: a bounded load test of `chainlens serve` on loopback (issue 17). Starts
the server on a free port, sends REQUESTS requests from CLIENTS concurrent clients (each a
keep-alive connection: chain pages, segment pages and what-ifs of 1-2 candidates, in a fixed,
seeded order), stops it with SIGTERM and prints p50 / p99 / max latency per kind. Exits 1 on any
error or non-200 answer. Not a timed test: numbers go to bench/RESULTS.md by hand.

usage: bench/serve_load.py [--binary build/cli/chainlens] [--workspace chains/xihaian]
                           [--chain auto] [--requests 5000] [--clients 8]
"""
import argparse
import http.client
import json
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', default='build/cli/chainlens')
    ap.add_argument('--workspace', default='chains/xihaian')
    ap.add_argument('--chain', default='auto')
    ap.add_argument('--requests', type=int, default=5000)
    ap.add_argument('--clients', type=int, default=8)
    a = ap.parse_args()

    server = subprocess.Popen([a.binary, 'serve', a.workspace, '--port', '0'], stderr=subprocess.PIPE, text=True)
    port = None
    for line in server.stderr:
        m = re.search(r'on http://127\.0\.0\.1:(\d+)/', line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        sys.exit('the server did not start')
    threading.Thread(target=lambda: server.stderr.read(), daemon=True).start()

    def get(conn, path):
        conn.request('GET', path)
        r = conn.getresponse()
        return r.status, r.read()

    setup = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
    chain = urllib.parse.quote(a.chain, safe='')
    targets = json.loads(get(setup, '/api/chains/%s/targets' % chain)[1])['targets']
    gaps = json.loads(get(setup, '/api/chains/%s/gaps' % chain)[1])['segments']
    setup.close()
    candidates = [t['id'] for t in targets[:20]]
    segments = [g['id'] for g in gaps]

    rng = random.Random(17)
    plan = []
    for i in range(a.requests):
        r = rng.random()
        if r < 0.4:
            plan.append(('chain page', '/chains/%s' % chain))
        elif r < 0.6:
            plan.append(('segment page', '/chains/%s/segments/%s' % (chain, urllib.parse.quote(rng.choice(segments), safe=''))))
        else:
            picks = rng.sample(candidates, rng.choice([1, 2]))
            q = '&'.join('add=' + urllib.parse.quote(p, safe='') for p in picks)
            plan.append(('what-if', '/chains/%s/whatif?partial=1&%s' % (chain, q)))

    lat = {}
    errors = []
    lock = threading.Lock()
    next_i = [0]

    def client():
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
        while True:
            with lock:
                i = next_i[0]
                next_i[0] += 1
            if i >= len(plan):
                break
            kind, path = plan[i]
            t0 = time.perf_counter()
            try:
                status, _ = get(conn, path)
            except Exception as e:  # noqa: BLE001 - every failure is counted
                status = str(e)
                conn.close()
                conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
            dt = time.perf_counter() - t0
            with lock:
                lat.setdefault(kind, []).append(dt)
                if status != 200:
                    errors.append((path, status))
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    server.send_signal(signal.SIGTERM)
    rc = server.wait(timeout=30)

    total = sum(len(v) for v in lat.values())
    print('%d requests from %d clients in %.1f s (%.0f req/s), %d errors, server exit %d'
          % (total, a.clients, wall, total / wall, len(errors), rc))
    print('| request | count | p50 ms | p99 ms | max ms |')
    print('|---|---|---|---|---|')
    for kind in ('chain page', 'segment page', 'what-if'):
        v = lat.get(kind, [])
        if v:
            print('| %s | %d | %.1f | %.1f | %.1f |' % (kind, len(v), 1000 * percentile(v, 50), 1000 * percentile(v, 99),
                                                   1000 * max(v)))
    for path, status in errors[:10]:
        print('error:', status, path, file=sys.stderr)
    sys.exit(1 if errors or rc != 0 else 0)


if __name__ == '__main__':
    main()
