#!/usr/bin/env python3
"""Sends every delivery of a make_webhooks.py file exactly once, over CONNECTIONS keep-alive connections,
each with a fresh X-Shopify-Webhook-Id; retries what was not acknowledged (as Shopify does). Prints the count."""
import http.client, os, sys, threading, uuid

path, host, port = sys.argv[1], "127.0.0.1", int(sys.argv[2])
connections = int(os.environ.get("CONNECTIONS", "32"))
lines = open(path).read().splitlines()
next_index, lock, acked = 0, threading.Lock(), [0]

def worker():
    global next_index
    conn = http.client.HTTPConnection(host, port, timeout=30)
    while True:
        with lock:
            if next_index >= len(lines):
                break
            line = lines[next_index]
            next_index += 1
        sig, body = line.split("\t", 1)
        headers = {"Content-Type": "application/json", "X-Shopify-Topic": "orders/create",
                   "X-Shopify-Shop-Domain": "bench.myshopify.com", "X-Shopify-Hmac-Sha256": sig,
                   "X-Shopify-Webhook-Id": str(uuid.uuid4())}
        while True:
            try:
                conn.request("POST", "/webhooks/shopify", body, headers)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    break
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
        with lock:
            acked[0] += 1

threads = [threading.Thread(target=worker) for _ in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(acked[0])
