#!/usr/bin/env python3
"""Writes signed orders/create deliveries (~5 KB each) for the benchmarks: one line per delivery,
"<base64 hmac>\t<body>". The HMAC covers only the body, so wrk can vary the webhook id freely."""
import base64, hashlib, hmac, json, sys

count, secret, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
first_id = 7_000_000_000 + (int(sys.argv[4]) * 1_000_000 if len(sys.argv) > 4 else 0)
with open(out, "w") as f:
    for i in range(count):
        order = {
            "id": first_id + i, "admin_graphql_api_id": f"gid://shopify/Order/{first_id + i}",
            "name": f"#B{i}", "email": f"buyer{i}@example.com", "created_at": "2026-11-25T10:00:00Z",
            "updated_at": "2026-11-25T10:00:00Z", "currency": "EUR", "total_price": "119.60",
            "financial_status": "paid", "fulfillment_status": None, "source_name": "web",
            "note": "Leave the parcel with the neighbour if nobody answers. " * 4, "tags": "bench, wholesale",
            "customer": {"id": 9000 + i % 500, "email": f"buyer{i}@example.com", "first_name": "Ada",
                         "last_name": "Lovelace", "phone": "+441234567890"},
            "shipping_address": {"first_name": "Ada", "last_name": "Lovelace", "address1": "1 Analytical Way",
                                 "city": "London", "zip": "N1 9GU", "country": "United Kingdom",
                                 "country_code": "GB", "phone": "+441234567890"},
            "billing_address": {"first_name": "Ada", "last_name": "Lovelace", "address1": "1 Analytical Way",
                                "city": "London", "zip": "N1 9GU", "country": "United Kingdom", "country_code": "GB"},
            "line_items": [{"id": 100 * i + n, "sku": f"SKU-{n}", "variant_id": 4000 + n,
                            "title": f"Product {n} with a reasonably long descriptive title", "quantity": 1 + n % 3,
                            "price": "29.90", "vendor": "OrderBridge Bench Supplies",
                            "properties": [{"name": "engraving", "value": "x" * 40}]} for n in range(15)],
        }
        body = json.dumps(order, separators=(",", ":"))
        sig = base64.b64encode(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()).decode()
        f.write(sig + "\t" + body + "\n")
