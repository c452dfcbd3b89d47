"""The drill's proof, checked without a service: python3 -m unittest bench/test_drill.py (DrillScriptTest runs it)."""
import contextlib, http.server, io, json, os, stat, sys, tempfile, threading, unittest, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drill


class RtoTest(unittest.TestCase):

    def test_longest_run_of_failures_per_path_ends_at_the_next_success(self):
        attempts = [("order", 0.0, True), ("order", 1.0, False), ("order", 2.0, False), ("order", 4.5, True),
                    ("order", 5.0, False), ("order", 5.5, True), ("webhook", 1.0, True), ("webhook", 2.0, True)]
        self.assertEqual({"order": 3.5, "webhook": 0.0}, drill.rto(attempts))

    def test_a_run_still_failing_at_the_end_counts_to_the_last_attempt(self):
        self.assertEqual({"order": 2.0}, drill.rto([("order", 1.0, False), ("order", 3.0, False)]))

    def test_order_of_recording_does_not_matter(self):
        attempts = [("order", 4.0, True), ("order", 1.0, False), ("order", 0.0, True)]
        self.assertEqual({"order": 3.0}, drill.rto(attempts))


class VerifyTest(unittest.TestCase):

    def test_everything_there_once_is_clean_even_when_a_page_repeats_an_order(self):
        listed = [{"id": "a", "externalId": "e1", "shopifyOrderId": 900},
                  {"id": "b", "externalId": None, "shopifyOrderId": 101},
                  {"id": "b", "externalId": None, "shopifyOrderId": 101}]
        self.assertEqual({"lost": [], "duplicated": [], "mismatched": []},
                         drill.verify({"w1": 101}, {"e1": "a"}, listed))

    def test_finds_lost_duplicated_and_mismatched_items(self):
        listed = [{"id": "a", "externalId": "e1", "shopifyOrderId": None},
                  {"id": "a2", "externalId": "e1", "shopifyOrderId": None},
                  {"id": "c", "externalId": "e3"},
                  {"id": "b1", "shopifyOrderId": "102"}, {"id": "b2", "shopifyOrderId": 102}]
        result = drill.verify({"w1": 101, "w2": 102}, {"e1": "a", "e2": "x", "e3": "other"}, listed)
        self.assertEqual(["order e2 (x)", "webhook w1 (Shopify order 101)"], result["lost"])
        self.assertEqual(["Shopify order 102: ['b1', 'b2']", "order e1: ['a', 'a2']"], result["duplicated"])
        self.assertEqual(["order e3: accepted as other, stored as c"], result["mismatched"])


class DatabaseTest(unittest.TestCase):

    def test_parses_psql_rows_and_finds_missing_and_doubled_rows(self):
        rows = drill.parse_rows("webhook|w1|1\nshopify|101|2\nexternal|e1|1\n\n(3 rows)\n")
        self.assertEqual([("webhook", "w1", "1"), ("shopify", "101", "2"), ("external", "e1", "1")], rows)
        result = drill.verify_rows({"w1": 101, "w2": 102}, {"e1": "a"}, rows)
        self.assertEqual(["shopify 102", "webhook w2"], result["lost"])
        self.assertEqual(["shopify 101: 2 rows"], result["duplicated"])


class StandIn(http.server.BaseHTTPRequestHandler):
    """A service that acknowledges, stores and lists; it refuses the first intake and, when told to, forgets one
    acknowledged webhook."""
    orders, refused, forget = [], [], False

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path == "/webhooks/shopify":
            if StandIn.forget:
                StandIn.forget = False
            else:
                StandIn.orders.append({"id": str(uuid.uuid4()), "externalId": None, "shopifyOrderId": body["id"]})
            return self.answer(200, {})
        if not StandIn.refused:
            StandIn.refused.append(body["externalId"])
            return self.answer(503, {"status": 503})
        order = {"id": str(uuid.uuid4()), "externalId": body["externalId"], "shopifyOrderId": None}
        StandIn.orders.append(order)
        self.answer(201, order)

    def do_GET(self):
        self.answer(200, {"items": StandIn.orders})


class RunTest(unittest.TestCase):
    """A whole short run against the stand-in: load, retries, the listing, the summary and the exit status."""

    def run_drill(self, forget, settle):
        StandIn.orders, StandIn.refused, StandIn.forget = [], [], forget
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        record = os.path.join(tempfile.mkdtemp(), "record.json")
        output = io.StringIO()
        try:
            with contextlib.redirect_stdout(output):
                status = drill.main(["--base-url", f"http://127.0.0.1:{server.server_address[1]}",
                                     "--shop", "a.myshopify.com", "--webhook-secret", "s", "--write-key", "w",
                                     "--read-key", "r", "--rate", "20", "--warmup", "0.2", "--duration", "0.5",
                                     "--settle", str(settle), "--record", record])
        finally:
            server.shutdown()
        with open(record) as f:
            return status, json.load(f)

    def test_a_clean_run_passes_with_the_refused_intake_retried(self):
        status, record = self.run_drill(forget=False, settle=1)
        self.assertEqual(0, status)
        summary = record["summary"]
        self.assertEqual((0, 0, 0), (summary["rpo_lost"], summary["duplicated"], summary["mismatched"]))
        self.assertEqual({"order 503": 1}, summary["failed_attempts"])
        self.assertGreater(summary["rto_seconds"]["order"], 0)
        self.assertEqual(summary["orders_accepted"], len([o for o in StandIn.orders if o["externalId"]]))

    def test_an_acknowledged_webhook_that_was_not_stored_fails_the_run(self):
        status, record = self.run_drill(forget=True, settle=0)
        self.assertEqual(1, status)
        self.assertEqual(1, record["summary"]["rpo_lost"])
        self.assertRegex(record["problems"]["lost"][0], r"^webhook drill-\d+-w0 ")


class FisTest(unittest.TestCase):
    """The aws CLI calls, against a stand-in aws on PATH that answers as the CLI's JSON output does."""

    def setUp(self):
        self.bin = tempfile.mkdtemp()
        self.calls = os.path.join(self.bin, "calls")
        fake = os.path.join(self.bin, "aws")
        with open(fake, "w") as f:
            f.write(f"""#!/bin/sh
echo "$*" >> {self.calls}
case "$2" in
  start-experiment) echo '{{"experiment": {{"id": "EXP1", "state": {{"status": "initiating"}}}}}}' ;;
  get-experiment) echo '{{"experiment": {{"id": "EXP1", "state": {{"status": "completed"}}}}}}' ;;
esac
""")
        os.chmod(fake, os.stat(fake).st_mode | stat.S_IEXEC)
        self.path = os.environ["PATH"]
        os.environ["PATH"] = self.bin + os.pathsep + self.path

    def tearDown(self):
        os.environ["PATH"] = self.path

    def test_starts_the_template_and_reads_the_experiments_state(self):
        logged = []
        self.assertEqual("EXP1", drill.start_experiment("EXT123", logged.append))
        self.assertEqual("completed", drill.experiment_state("EXP1"))
        with open(self.calls) as f:
            self.assertEqual(["fis start-experiment --experiment-template-id EXT123 --output json",
                              "fis get-experiment --id EXP1 --output json"], f.read().splitlines())
        self.assertEqual(["FIS experiment EXP1 started from template EXT123"], logged)


class SignatureTest(unittest.TestCase):

    def test_signs_the_body_as_shopify_does(self):
        # printf "{}" | openssl dgst -sha256 -hmac local-webhook-secret -binary | base64
        self.assertEqual("IH0rQFhHDH2tV19u4NccOuibcf6G2I/oZ6b8lN7WdS0=", drill.signature("local-webhook-secret", b"{}"))


if __name__ == "__main__":
    unittest.main()
