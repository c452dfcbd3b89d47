"""The drill's proof, checked without a service: python3 -m unittest bench/test_drill.py (DrillScriptTest runs it)."""
import os, sys, unittest

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


class SignatureTest(unittest.TestCase):

    def test_signs_the_body_as_shopify_does(self):
        # printf "{}" | openssl dgst -sha256 -hmac local-webhook-secret -binary | base64
        self.assertEqual("IH0rQFhHDH2tV19u4NccOuibcf6G2I/oZ6b8lN7WdS0=", drill.signature("local-webhook-secret", b"{}"))


if __name__ == "__main__":
    unittest.main()
