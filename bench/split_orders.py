#!/usr/bin/env python3
"""Spreads every order of ob-test.myshopify.com that the simulator at SIMULATOR holds over two locations, as a
merchant's routing would: one item of the first line moves to gid://shopify/Location/2 (POST /_sim/fulfillment-orders,
action move, which also sends Shopify's fulfillment_orders/moved webhook). Prints how many orders were split."""
import json, sys, urllib.request

simulator = sys.argv[1].rstrip("/")
orders = json.load(urllib.request.urlopen(simulator + "/_sim/orders"))
split = 0
for order in orders:
    body = json.dumps({"shop": "ob-test.myshopify.com", "order": order["admin_graphql_api_id"], "action": "move",
                       "line": 0, "quantity": 1, "location": "gid://shopify/Location/2"}).encode()
    request = urllib.request.Request(simulator + "/_sim/fulfillment-orders", body,
                                     {"Content-Type": "application/json"}, method="POST")
    try:
        urllib.request.urlopen(request).read()
        split += 1
    except urllib.error.HTTPError:
        pass  # another shop's order, or one moved already
print(split)
