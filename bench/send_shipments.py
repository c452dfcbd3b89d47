#!/usr/bin/env python3
"""Ships every PUSHED order of ob-test.myshopify.com updated since SINCE: one POST /api/v1/orders/{id}/shipments
per order (all items, a unique tracking number), over CONNECTIONS keep-alive connections; retries what was not
accepted. Prints how many shipments were accepted."""
import http.client, json, os, sys, threading, urllib.parse

since, port = sys.argv[1], int(sys.argv[2])
connections = int(os.environ.get("CONNECTIONS", "16"))
read_headers = {"X-API-Key": "local-read-key-00001"}
write_headers = {"Content-Type": "application/json", "X-API-Key": "local-write-key-0001"}

ids, cursor = [], None
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
while True:
    query = {"shop": "ob-test.myshopify.com", "status": "PUSHED", "updatedSince": since, "limit": "500"}
    if cursor:
        query["cursor"] = cursor
    conn.request("GET", "/api/v1/orders?" + urllib.parse.urlencode(query), headers=read_headers)
    page = json.loads(conn.getresponse().read())
    ids += [order["id"] for order in page["items"]]
    cursor = page.get("nextCursor")
    if not cursor:
        break

lock, accepted, next_index = threading.Lock(), [0], [0]

def worker():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            if next_index[0] >= len(ids):
                return
            i = next_index[0]
            next_index[0] += 1
        body = json.dumps({"shipmentId": f"bench-{i}", "carrier": "DHL", "trackingNumbers": [f"BENCH{i:08d}"],
                           "trackingUrl": f"https://track.example/BENCH{i:08d}", "notifyCustomer": False})
        while True:
            try:
                c.request("POST", f"/api/v1/orders/{ids[i]}/shipments", body, write_headers)
                response = c.getresponse()
                response.read()
                if response.status in (200, 201):
                    with lock:
                        accepted[0] += 1
                    break
            except (OSError, http.client.HTTPException):
                c.close()
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

threads = [threading.Thread(target=worker) for _ in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(accepted[0])
