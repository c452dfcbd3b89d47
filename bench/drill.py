#!/usr/bin/env python3
"""The failover drill's load and proof (docs/reliability.md, "Drill against a deployment").

While a fault runs (an AWS FIS experiment started here with --fis-template-id, a local one with --fault-command, or
one started by hand), sends signed orders/create webhooks and POST /api/v1/orders at a steady rate, retrying what was
not acknowledged as Shopify and a well-behaved client do, and records every answer. Afterwards it waits until the API
shows what it acknowledged and proves from GET /api/v1/orders (and, with --psql-url, from PostgreSQL) that every
acknowledged webhook and every accepted order is there exactly once. Prints RPO (acknowledged items lost: must be 0) and
RTO (the longest time from a failed request to the next success on the same path), writes the attempts to --record,
and exits 1 when anything was lost or duplicated.

Standard library only, plus the aws CLI for FIS and psql for the database check."""
import argparse, base64, hashlib, hmac, http.client, json, random, subprocess, sys, threading, time, urllib.parse
from collections import defaultdict

WEBHOOK, ORDER = "webhook", "order"


# ---- what is checked: pure functions, unit-tested in bench/test_drill.py ------------------------------------------

def rto(attempts):
    """The longest window, per path, from the first failed attempt after a success (or the start) to the next success.
    attempts: (path, started_at_seconds, ok). A window still open at the end counts up to the last attempt."""
    longest = {}
    by_path = defaultdict(list)
    for path, at, ok in attempts:
        by_path[path].append((at, ok))
    for path, items in by_path.items():
        items.sort()
        failing_since, worst = None, 0.0
        for at, ok in items:
            if not ok and failing_since is None:
                failing_since = at
            elif ok and failing_since is not None:
                worst = max(worst, at - failing_since)
                failing_since = None
        if failing_since is not None:
            worst = max(worst, items[-1][0] - failing_since)
        longest[path] = worst
    return longest


def verify(acknowledged_webhooks, accepted_orders, listed):
    """acknowledged_webhooks: {webhook id: Shopify order id}; accepted_orders: {externalId: order id the API gave};
    listed: the API's orders (dicts with id, externalId, shopifyOrderId), pages concatenated, possibly repeating an
    order that changed while the pages were read. Returns lost, duplicated and mismatched items, each a sorted list."""
    ids_by_shopify, ids_by_external = defaultdict(set), defaultdict(set)
    for order in listed:
        if order.get("shopifyOrderId") is not None:
            ids_by_shopify[int(order["shopifyOrderId"])].add(order["id"])
        if order.get("externalId") is not None:
            ids_by_external[order["externalId"]].add(order["id"])
    result = {"lost": [], "duplicated": [], "mismatched": []}
    for webhook_id, shopify_id in acknowledged_webhooks.items():
        found = ids_by_shopify.get(int(shopify_id), set())
        if not found:
            result["lost"].append(f"webhook {webhook_id} (Shopify order {shopify_id})")
        elif len(found) > 1:
            result["duplicated"].append(f"Shopify order {shopify_id}: {sorted(found)}")
    for external_id, order_id in accepted_orders.items():
        found = ids_by_external.get(external_id, set())
        if not found:
            result["lost"].append(f"order {external_id} ({order_id})")
        elif len(found) > 1:
            result["duplicated"].append(f"order {external_id}: {sorted(found)}")
        elif order_id not in found:
            result["mismatched"].append(f"order {external_id}: accepted as {order_id}, stored as {sorted(found)[0]}")
    return {key: sorted(value) for key, value in result.items()}


def verify_rows(acknowledged_webhooks, accepted_orders, rows):
    """The same proof from PostgreSQL: rows are (kind, key, count) with kind 'webhook' (webhook_delivery rows per
    webhook id), 'shopify' (shop_order rows per Shopify order id) or 'external' (shop_order rows per externalId)."""
    counts = {(kind, key): int(count) for kind, key, count in rows}
    result = {"lost": [], "duplicated": []}
    checks = [("webhook", w) for w in acknowledged_webhooks] + \
             [("shopify", str(s)) for s in acknowledged_webhooks.values()] + \
             [("external", e) for e in accepted_orders]
    for kind, key in checks:
        count = counts.get((kind, key), 0)
        if count == 0:
            result["lost"].append(f"{kind} {key}")
        elif count > 1 and kind != "webhook":
            result["duplicated"].append(f"{kind} {key}: {count} rows")
    return {key: sorted(value) for key, value in result.items()}


def parse_rows(psql_output):
    """psql -At -F '|' output of the check query into (kind, key, count) tuples."""
    return [tuple(line.split("|")) for line in psql_output.splitlines() if line.count("|") == 2]


def signature(secret, body):
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


# ---- the load -------------------------------------------------------------------------------------------------------

class Drill:
    def __init__(self, args):
        self.args = args
        self.base = urllib.parse.urlsplit(args.base_url)
        self.lock = threading.Lock()
        self.attempts = []  # (path, started_at, ok, status)
        self.acknowledged = {}  # webhook id -> Shopify order id
        self.accepted = {}  # externalId -> order id
        self.run = f"drill-{int(time.time())}"
        self.first_shopify_id = 8_000_000_000_000 + random.randrange(10**9) * 1000
        self.started = time.time()

    def connection(self):
        factory = http.client.HTTPSConnection if self.base.scheme == "https" else http.client.HTTPConnection
        return factory(self.base.hostname, self.base.port, timeout=self.args.timeout)

    def webhook(self, i):
        shopify_id = self.first_shopify_id + i
        body = json.dumps({
            "id": shopify_id, "admin_graphql_api_id": f"gid://shopify/Order/{shopify_id}", "name": f"#D{i}",
            "email": f"drill{i}@example.com", "created_at": "2026-12-06T07:00:00Z", "updated_at": "2026-12-06T07:00:00Z",
            "currency": "EUR", "total_price": "29.90", "financial_status": "paid", "fulfillment_status": None,
            "cancelled_at": None, "note": "resilience drill", "tags": "drill", "source_name": "web",
            "customer": {"id": 9100 + i, "email": f"drill{i}@example.com", "first_name": "Ada", "last_name": "Lovelace"},
            "line_items": [{"id": shopify_id * 10, "sku": "DRILL-1", "variant_id": 42, "title": "Drill item",
                            "quantity": 1, "price": "29.90"}]}).encode()
        webhook_id = f"{self.run}-w{i}"
        headers = {"Content-Type": "application/json", "X-Shopify-Topic": "orders/create",
                   "X-Shopify-Shop-Domain": self.args.shop, "X-Shopify-Webhook-Id": webhook_id,
                   "X-Shopify-Hmac-Sha256": signature(self.args.webhook_secret, body)}
        return webhook_id, shopify_id, "/webhooks/shopify", body, headers

    def order(self, i):
        address = {"firstName": "Ada", "lastName": "Lovelace", "address1": "1 Analytical Way", "city": "London",
                   "zip": "N1 9GU", "countryCode": "GB"}
        external_id = f"{self.run}-o{i}"
        body = json.dumps({"externalId": external_id, "shop": self.args.shop, "currency": "GBP",
                           "customer": {"email": f"drill{i}@example.com", "firstName": "Ada", "lastName": "Lovelace"},
                           "shippingAddress": address, "billingAddress": address, "tags": ["drill"],
                           "lineItems": [{"sku": "DRILL-1", "title": "Drill item", "quantity": 1,
                                          "unitPrice": "19.90"}]}).encode()
        headers = {"Content-Type": "application/json", "X-API-Key": self.args.write_key}
        return external_id, None, "/api/v1/orders", body, headers

    def send(self, conn, path, body, headers):
        try:
            conn.request("POST", path, body, headers)
            response = conn.getresponse()
            return conn, response.status, response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            return self.connection(), None, b""

    def sender(self, kind, until):
        """One request every 1/rate s: a retry of something not yet acknowledged first, else a new item."""
        conn, pending, next_index, interval = self.connection(), [], 0, 1.0 / self.args.rate
        tick = time.time()
        while time.time() < until() or (pending and time.time() < until() + self.args.settle):
            if pending:
                item = pending.pop(0)
            elif time.time() < until():
                item = (self.webhook if kind == WEBHOOK else self.order)(next_index)
                next_index += 1
            else:
                break
            key, shopify_id, path, body, headers = item
            at = time.time() - self.started
            conn, status, answer = self.send(conn, path, body, headers)
            ok = status == 200 if kind == WEBHOOK else status in (200, 201)
            with self.lock:
                self.attempts.append((kind, round(at, 3), ok, status))
                if ok and kind == WEBHOOK:
                    self.acknowledged[key] = shopify_id
                elif ok:
                    self.accepted[key] = json.loads(answer)["id"]
            if not ok:
                pending.append(item)
            tick += interval
            time.sleep(max(0.0, tick - time.time()))

    # ---- the proof --------------------------------------------------------------------------------------------------

    def listed(self, since, attempts=30):
        """Every order of the shop changed since the run began, page by page; a page the service cannot answer yet
        (503 while the fault lasts, no connection) is asked for again."""
        orders, cursor, conn = [], None, self.connection()
        while True:
            query = {"shop": self.args.shop, "updatedSince": since, "limit": 500}
            if cursor:
                query["cursor"] = cursor
            for attempt in range(attempts):
                try:
                    conn.request("GET", "/api/v1/orders?" + urllib.parse.urlencode(query),
                                 headers={"X-API-Key": self.args.read_key})
                    response = conn.getresponse()
                    page = json.loads(response.read())
                    if response.status == 200:
                        break
                    problem = f"GET /api/v1/orders answered {response.status}: {page}"
                except (OSError, http.client.HTTPException, ValueError) as e:
                    conn.close()
                    conn, problem = self.connection(), f"GET /api/v1/orders failed: {e}"
                time.sleep(2)
            else:
                raise RuntimeError(problem)
            orders += page["items"]
            cursor = page.get("nextCursor")
            if not cursor:
                return orders

    def database_rows(self):
        webhooks = ",".join("'" + w.replace("'", "''") + "'" for w in self.acknowledged) or "''"
        shopify = ",".join(str(s) for s in self.acknowledged.values()) or "0"
        external = ",".join("'" + e.replace("'", "''") + "'" for e in self.accepted) or "''"
        sql = (f"select 'webhook', webhook_id, count(*) from webhook_delivery where webhook_id in ({webhooks}) group by 2 "
               f"union all select 'shopify', shopify_order_id::text, count(*) from shop_order "
               f"where shopify_order_id in ({shopify}) group by 2 "
               f"union all select 'external', external_id, count(*) from shop_order where external_id in ({external}) group by 2")
        output = subprocess.run(["psql", self.args.psql_url, "-At", "-F", "|", "-c", sql], check=True,
                                capture_output=True, text=True).stdout
        return parse_rows(output)


def aws(*args):
    return subprocess.run(["aws", *args, "--output", "json"], check=True, capture_output=True, text=True).stdout


def start_experiment(template_id, log):
    experiment = json.loads(aws("fis", "start-experiment", "--experiment-template-id", template_id))["experiment"]
    log(f"FIS experiment {experiment['id']} started from template {template_id}")
    return experiment["id"]


def experiment_state(experiment_id):
    return json.loads(aws("fis", "get-experiment", "--id", experiment_id))["experiment"]["state"]["status"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True, help="the service's origin, e.g. https://orders-staging.example.com")
    parser.add_argument("--shop", required=True, help="a shop the deployment accepts webhooks and orders for")
    parser.add_argument("--webhook-secret", required=True)
    parser.add_argument("--write-key", required=True, help="an API key with the write role")
    parser.add_argument("--read-key", required=True, help="an API key with the read role")
    parser.add_argument("--rate", type=float, default=5, help="requests per second on each path (default 5)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load without FIS (default 60)")
    parser.add_argument("--warmup", type=float, default=10, help="seconds of load before the fault (default 10)")
    parser.add_argument("--cooldown", type=float, default=20, help="seconds of load after a FIS experiment ended")
    parser.add_argument("--settle", type=float, default=120, help="seconds allowed for retries and processing")
    parser.add_argument("--timeout", type=float, default=10, help="seconds per request")
    parser.add_argument("--fis-template-id", help="start this AWS FIS experiment template after the warm-up")
    parser.add_argument("--fault-command", help="a shell command run after the warm-up instead (the local drill)")
    parser.add_argument("--psql-url", help="also check PostgreSQL (psql connection URL)")
    parser.add_argument("--record", default="drill-record.json", help="where to write every attempt")
    args = parser.parse_args(argv)

    drill = Drill(args)
    log = lambda message: print(f"[{time.time() - drill.started:7.1f} s] {message}", flush=True)
    since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(drill.started - 60))
    end = [drill.started + args.warmup + args.duration]
    senders = [threading.Thread(target=drill.sender, args=(kind, lambda: end[0])) for kind in (WEBHOOK, ORDER)]
    for sender in senders:
        sender.start()
    log(f"load: {args.rate}/s webhooks and {args.rate}/s orders to {args.base_url} for shop {args.shop}")
    time.sleep(args.warmup)
    fault = {"injected_at": round(time.time() - drill.started, 1)}
    if args.fis_template_id:
        experiment = start_experiment(args.fis_template_id, log)
        end[0] = float("inf")
        while (state := experiment_state(experiment)) in ("initiating", "pending", "running"):
            time.sleep(5)
        fault.update(experiment=experiment, state=state, ended_at=round(time.time() - drill.started, 1))
        log(f"FIS experiment {experiment} ended: {state}")
        end[0] = time.time() + args.cooldown
    elif args.fault_command:
        log(f"fault: {args.fault_command}")
        completed = subprocess.run(args.fault_command, shell=True)
        fault.update(command=args.fault_command, exit=completed.returncode,
                     ended_at=round(time.time() - drill.started, 1))
        log(f"fault command ended ({completed.returncode})")
    for sender in senders:
        sender.join()
    log(f"load stopped: {len(drill.acknowledged)} webhooks acknowledged, {len(drill.accepted)} orders accepted")

    deadline = time.time() + args.settle
    while True:
        result = verify(drill.acknowledged, drill.accepted, drill.listed(since))
        if not result["lost"] or time.time() > deadline:
            break
        time.sleep(2)
    log(f"API: lost {len(result['lost'])}, duplicated {len(result['duplicated'])}, mismatched {len(result['mismatched'])}")
    if args.psql_url:
        database = verify_rows(drill.acknowledged, drill.accepted, drill.database_rows())
        log(f"PostgreSQL: lost {len(database['lost'])}, duplicated {len(database['duplicated'])}")
        result = {key: sorted(set(result.get(key, []) + database.get(key, []))) for key in ("lost", "duplicated", "mismatched")}

    attempts = [(kind, at, ok) for kind, at, ok, _ in drill.attempts]
    failures = defaultdict(int)
    for kind, _, ok, status in drill.attempts:
        if not ok:
            failures[f"{kind} {status or 'no answer'}"] += 1
    windows = rto(attempts)
    summary = {"fault": fault, "webhooks_acknowledged": len(drill.acknowledged), "orders_accepted": len(drill.accepted),
               "attempts": len(attempts), "failed_attempts": dict(failures),
               "rpo_lost": len(result["lost"]), "duplicated": len(result["duplicated"]),
               "mismatched": len(result["mismatched"]),
               "rto_seconds": {kind: round(seconds, 2) for kind, seconds in windows.items()}}
    with open(args.record, "w") as f:
        json.dump({"summary": summary, "problems": result, "attempts": drill.attempts}, f)
    print(json.dumps(summary, indent=2))
    for problem in result["lost"] + result["duplicated"] + result["mismatched"]:
        print("  " + problem)
    print(f"RPO: {len(result['lost'])} acknowledged items lost; "
          f"RTO: {max(windows.values(), default=0):.1f} s longest run of failed requests")
    return 1 if result["lost"] or result["duplicated"] or result["mismatched"] else 0


if __name__ == "__main__":
    sys.exit(main())
