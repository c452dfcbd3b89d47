#!/usr/bin/env python3
"""POSTs COUNT orders (fresh externalIds) to /api/v1/orders over CONNECTIONS keep-alive connections; retries
what was not accepted. Prints how many got 201."""
import http.client, json, os, sys, threading, time

count, port = int(sys.argv[1]), int(sys.argv[2])
connections = int(os.environ.get("CONNECTIONS", "32"))
run = str(int(time.time()))
address = {"firstName": "Ada", "lastName": "Lovelace", "address1": "1 Analytical Way", "city": "London",
           "zip": "N1 9GU", "countryCode": "GB"}
next_index, lock, created = 0, threading.Lock(), [0]

# SKUS=n: each order has two SKU-only lines of the n catalogued SKUs BENCH-SKU-0 … (bench/push.sh's sku mode).
skus = int(os.environ.get("SKUS", "0"))

def lines(i):
    if not skus:
        return [{"sku": "ENGINE-1", "title": "Difference engine", "quantity": 2, "unitPrice": "19.90"}]
    return [{"sku": f"BENCH-SKU-{(i + k * 7) % skus}", "title": "Bench item", "quantity": 1, "unitPrice": "9.90"}
            for k in range(2)]

def order(i):
    return json.dumps({"externalId": f"push-bench-{run}-{i}", "shop": "ob-test.myshopify.com",
                       "customer": {"email": f"buyer{i}@example.com", "firstName": "Ada", "lastName": "Lovelace"},
                       "shippingAddress": address, "billingAddress": address,
                       "lineItems": lines(i),
                       "currency": "GBP", "tags": ["bench"]})

def worker():
    global next_index
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "X-API-Key": "local-write-key-0001"}
    while True:
        with lock:
            if next_index >= count:
                break
            i = next_index
            next_index += 1
        while True:
            try:
                conn.request("POST", "/api/v1/orders", order(i), headers)
                response = conn.getresponse()
                response.read()
                if response.status in (200, 201):
                    break
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with lock:
            created[0] += 1

threads = [threading.Thread(target=worker) for _ in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(created[0])
