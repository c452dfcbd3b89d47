#!/usr/bin/env python3
"""Puts deliveries made by make_webhooks.py straight into the webhook queue, as the acknowledgement would have
(SendMessageBatch, AWS JSON 1.0, the service's message attributes), so that processing can be measured without the
acknowledgements' CPU. Usage: enqueue_webhooks.py DELIVERIES SQS_ENDPOINT [queue=orderbridge-webhooks]"""
import concurrent.futures, http.client, json, sys, urllib.parse, uuid

deliveries, endpoint = sys.argv[1], urllib.parse.urlparse(sys.argv[2])
queue = sys.argv[3] if len(sys.argv) > 3 else "orderbridge-webhooks"
url = f"{sys.argv[2].rstrip('/')}/000000000000/{queue}"
bodies = [line.rstrip("\n").split("\t", 1)[1] for line in open(deliveries)]

def text(value):
    return {"DataType": "String", "StringValue": value}

def send(batch):
    conn = http.client.HTTPConnection(endpoint.hostname, endpoint.port, timeout=30)
    entries = [{"Id": str(n), "MessageBody": body, "MessageAttributes": {
        "ob-format": text("shopify-http"), "shopify-topic": text("orders/create"),
        "shopify-shop-domain": text("bench.myshopify.com"), "shopify-webhook-id": text(str(uuid.uuid4())),
        "shopify-api-version": text("2026-10")}} for n, body in enumerate(batch)]
    conn.request("POST", "/", json.dumps({"QueueUrl": url, "Entries": entries}),
                 {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AmazonSQS.SendMessageBatch"})
    response = conn.getresponse()
    answer = json.loads(response.read())
    if response.status != 200 or answer.get("Failed"):
        raise SystemExit(f"SendMessageBatch failed: {response.status} {answer}")
    return len(batch)

with concurrent.futures.ThreadPoolExecutor(8) as pool:
    print(sum(pool.map(send, [bodies[i:i + 10] for i in range(0, len(bodies), 10)])))
