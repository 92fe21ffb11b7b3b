#!/usr/bin/env python3
"""Crash test: SIGKILL the service under load, then check the SQLite file and restart on it; several cycles.

1. A fresh SQLite file: the service creates, migrates and seeds it at its first start; then this script adds
   buyers, single-use coupon codes and stock straight into the file (as bench/OrderPlatform.Bench/Prepare does).
2. Each cycle: several threads send creates (single product, several lines with SKUs chosen by id or by
   option values, repeated lines, an address, coupons: fresh single-use codes, reused ones, a percentage code,
   a goods-scoped code, and a scarce product that runs out), cancels and payment confirmations of the orders
   they were told about, and detail reads. After a random 1-3 s the server process gets SIGKILL.
   Every create carries an Idempotency-Key (R55), its tag, which is also in its remark; its body is encoded once
   and every sending of it uses those same bytes. About 5% of creates are sent twice with the same key and bytes,
   at once on two connections or back to back: one order at most, the other answer a replay of it (header
   Idempotent-Replayed: true, the same answer) or idempotency_key_in_use.
3. The file as the kill left it (a copy of the database and its WAL, so that the service still recovers the
   original itself) is checked: integrity, every acknowledged order there with the acknowledged amounts and
   lines, every acknowledged cancel and payment there, no order from a refused request, the amount rules of
   every order, the stock and coupon invariants of R66, the per-buyer counts of R62.
4. The service restarts on the same file. Every create whose answer the kill lost is sent again, as a client
   would, with the same key and bytes: it must be a replay (the order was written before the kill: it is in the
   file at the cost the body should have), a fresh placement, or a refusal that body may get; a second retry must
   replay the same order (or repeat the refusal). Then /health, one more order placed (and replayed for its key),
   detail reads of acknowledged orders, the same checks again, with those of R55: at most one order per key, exactly
   one for a key answered with an order, and each order's idempotency_keys row with its key, buyer and fingerprint.
   From the second cycle on, a few waiting orders get a payment deadline in the past (end_time, R53) so that the
   close job (R64, every second here) closes them during the load and the kills.
At the end, after the close job has closed them all, the service is stopped and the file checked once more.

Prints the figures; exits 1 on any violation (a 5xx, an unexpected refusal, a transport error while the service
was up, a retry that neither replays, places nor is refused as allowed, two orders for one key, a broken
invariant), 2 on a set-up failure.

    python3 tests/reliability/crash_test.py [--configuration Debug|Release | --api-dll PATH] [--cycles 3] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reliability as rel  # noqa: E402
from reliability import log  # noqa: E402

WORKERS = 8
BUYERS_PER_WORKER = 2
FIRST_BUYER = 300_001
PROBE_BUYER = 300_900
SINGLE_USE_CODES = 6000
SCARCE_STOCK = 12  # product 192: runs out under load, so insufficient_stock and give-backs happen
PLENTY = 1_000_000
BACKDATE_PER_CYCLE = 8
RESTART_TIMEOUT = 30.0
DUPLICATE_SHARE = 0.05  # creates sent twice with the same key and bytes, at once or back to back (R55)

# Coupons (src/Infrastructure/Seeding/DemoDataSeeder.cs): our single-use codes belong to coupon 1, 2000 off anything.
FIXED_2000 = ("fixed", 2000, None)
TENOFF = ("percent", 10, 5000, None)  # public, 1000 uses, once per buyer
SHIRT10 = ("fixed", 1000, {1})  # public, 1000 uses, once per buyer, product 1 only
ADDRESS = {"name": "王先生", "phone": "13888888888", "province": "河南省", "city": "郑州市", "country": "中原区",
           "address_info": "中原西路233号", "postcode": "450000"}


class Ledger:
    """Everything the clients sent and what the service answered, shared by the worker threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = {}  # tag -> create request record
        self.orders = {}  # order number -> acknowledged order record
        self.numbers = []  # acknowledged order numbers, for payments
        self.by_buyer = {}  # buyer -> acknowledged order numbers, for cancels and reads
        self.figures = Counter()
        self.refusals = Counter()
        self.violations = []
        self.codes_tried = []  # single-use codes sent at least once
        self.next_code = 0
        self.killing = False
        self.dup_pairs = Counter()  # the two answers of each key sent twice at once
        self.orders_per_key_max = 0  # over the tags of every request, in the last check of the file
        self.key_rows = 0  # idempotency_keys rows in the last check of the file

    def violation(self, text):
        with self.lock:
            self.violations.append(text)

    def count(self, key, n=1):
        with self.lock:
            self.figures[key] += n


class Worker(threading.Thread):
    def __init__(self, index, ledger, port, buyers, secret_key, stop, cycle, rng):
        super().__init__(name=f"worker-{index}", daemon=True)
        self.index = index
        self.ledger = ledger
        self.client = rel.Client(port, timeout=20)
        self.buyers = buyers  # [(user_id, token)]
        self.service_key = secret_key
        self.stop = stop
        self.cycle = cycle
        self.rng = rng
        self.sequence = 0

    def run(self):
        try:
            while not self.stop.is_set():
                roll = self.rng.random()
                if roll < 0.55 or not self.ledger.numbers:
                    self.create()
                elif roll < 0.72:
                    self.cancel()
                elif roll < 0.92:
                    self.pay()
                else:
                    self.read()
        except Exception as error:  # a bug in the test itself must not pass silently
            self.ledger.violation(f"{self.name} crashed: {error!r}")
        finally:
            self.client.close()

    # -- sending ---------------------------------------------------------------------------------------------

    def send(self, what, call):
        """Runs one call. Returns (status, parsed, raw); "not_sent" when the connection was refused after the kill
        (the worker then stops); None when no answer came (outcome unknown) or the answer was a fault."""
        try:
            status, parsed, raw = call()
        except rel.TRANSPORT_ERRORS as error:
            if self.ledger.killing and isinstance(error, ConnectionRefusedError):
                self.ledger.count("refused_after_kill")  # never reached a server: known not to have happened
                self.stop.set()
                return "not_sent"
            self.ledger.count("requests")
            self.ledger.count(f"{what}_tried")
            if self.ledger.killing:
                self.ledger.count("in_flight_at_kill")
            else:
                self.ledger.count("transport_errors_while_up")
                self.ledger.violation(f"{what}: transport error while the service was up: {error!r}")
            return None
        self.ledger.count("requests")
        self.ledger.count(f"{what}_tried")
        if status >= 500:
            self.ledger.count("http_5xx")
            self.ledger.violation(f"{what}: HTTP {status} {raw[:300]}")
            return None
        if status != 200 or not isinstance(parsed, dict) or "code" not in parsed:
            self.ledger.count("http_other")
            self.ledger.violation(f"{what}: HTTP {status} {raw[:300]}")
            return None
        if parsed["code"] != 0:
            with self.ledger.lock:
                self.ledger.refusals[f"{what}:{rel.error_of(parsed)}"] += 1
        return status, parsed, raw

    # -- creates ---------------------------------------------------------------------------------------------

    def fresh_code(self):
        with self.ledger.lock:
            number = self.ledger.next_code
            self.ledger.next_code += 1
        if number >= SINGLE_USE_CODES:
            return None
        return f"CRASH-{number}"

    def build_create(self):
        """A random create body, its merged lines {(goods, sku): quantity}, its coupon code and terms, and the
        refusals it may legitimately get."""
        rng = self.rng
        kind = rng.choices(["single", "multi", "scarce"], weights=[45, 45, 10])[0]
        body, lines, may_refuse = {}, {}, set()
        if kind == "single":
            quantity = rng.randint(0, 3)  # 0 or absent means 1 (R15)
            body = {"goods_id": 188}
            if quantity:
                body["quantity"] = quantity
            lines[(188, None)] = max(quantity, 1)
        else:
            entries = []
            count = rng.randint(1, 4) if kind == "multi" else 1
            for _ in range(count):
                sku = rng.randint(1, 6)
                entries.append(((1 if sku <= 2 else 2), sku, rng.randint(1, 2)))
            if kind == "scarce":
                entries.append((192, None, 1))
                may_refuse.add("insufficient_stock")
            if rng.random() < 0.3:
                entries.append((188, None, 1))
            if rng.random() < 0.2:
                entries.append(entries[0])  # the same product and SKU twice: merged into one line (R16)
            details = []
            for goods_id, sku, quantity in entries:
                entry = {"goods_id": goods_id, "quantity": quantity}
                if sku is not None:
                    if rng.random() < 0.25:
                        entry["sku_values"] = [{"id": value} for value in rel.SKU_VALUES[sku]]  # by option values (R22)
                    else:
                        entry["goods_sku_id"] = sku
                if rng.random() < 0.2:
                    entry["price"] = rel.PRICES[(goods_id, sku)]  # the right price: checked, accepted (R19)
                details.append(entry)
                lines[(goods_id, sku)] = lines.get((goods_id, sku), 0) + quantity
            body["details"] = details
            if rng.random() < 0.3:
                body["address"] = ADDRESS

        code, terms = None, None
        roll = rng.random()
        if roll < 0.35:
            code, terms = self.fresh_code(), FIXED_2000
        elif roll < 0.45:
            with self.ledger.lock:
                code = rng.choice(self.ledger.codes_tried) if self.ledger.codes_tried else None
            terms = FIXED_2000
            may_refuse |= {"coupon_used_up", "coupon_already_used"}
        elif roll < 0.50:
            code, terms = "TENOFF", TENOFF
            may_refuse |= {"coupon_used_up", "coupon_already_used"}
        elif roll < 0.55 and any(goods == 1 for goods, _ in lines):
            code, terms = "SHIRT10", SHIRT10
            may_refuse |= {"coupon_used_up", "coupon_already_used"}
        if code is None:
            terms = None
        else:
            body["coupon_code"] = code
        return body, lines, code, terms, may_refuse

    def create(self):
        buyer, token = self.rng.choice(self.buyers)
        body, lines, code, terms, may_refuse = self.build_create()
        self.sequence += 1
        tag = f"c{self.cycle}-w{self.index}-{self.sequence}"
        body["remark"] = f"reliability {tag}"
        record = new_request(tag, buyer, token, body, lines, code, rel.expected_amounts(lines, terms), may_refuse, self.cycle)
        with self.ledger.lock:
            self.ledger.requests[tag] = record
        duplicate = None
        if self.rng.random() < DUPLICATE_SHARE:
            duplicate = self.rng.choice(["concurrent", "back_to_back"])
            self.ledger.count("dup_sent")
            self.ledger.count(f"dup_{duplicate}")
        if duplicate == "concurrent":
            first, second = self.send_twice_at_once(record)
        else:
            first = send_create(self.ledger, self.client, record, "load")
            second = None
            if duplicate == "back_to_back" and first["kind"] in ("placed", "refused"):
                second = send_create(self.ledger, self.client, record, "dup")
        if code and code.startswith("CRASH-") and "coupon_used_up" not in may_refuse:
            with self.ledger.lock:
                self.ledger.codes_tried.append(code)  # reused by later requests only once this one has its answer
        if "not_sent" in (first["kind"], second and second["kind"]):
            self.stop.set()  # the service is gone: this worker stops
        if duplicate is None:
            judge(self.ledger, record, first, replay_allowed=False, in_use_allowed=False)
        elif duplicate == "back_to_back":
            judge_back_to_back(self.ledger, record, first, second)
        else:
            judge_concurrent(self.ledger, record, first, second)

    def send_twice_at_once(self, record):
        """The same key and bytes on two connections at the same moment, as a double click would."""
        answers = {}
        barrier = threading.Barrier(2, timeout=5)

        def twin():
            client = rel.Client(self.client.port, timeout=20)
            try:
                client.open()  # connected before the barrier, so that both requests leave together
                try:
                    barrier.wait()
                except threading.BrokenBarrierError:
                    pass
                answers["second"] = send_create(self.ledger, client, record, "dup")
            except Exception as error:  # a bug in the test itself must not pass silently
                self.ledger.violation(f"duplicate of {record['tag']} crashed: {error!r}")
            finally:
                client.close()

        helper = threading.Thread(target=twin, name=f"{self.name}-twin", daemon=True)
        helper.start()
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass
        first = send_create(self.ledger, self.client, record, "load")
        helper.join(30)
        second = answers.get("second") or {"phase": "dup", "kind": "not_sent", "number": None, "error": None, "data": None,
                                           "raw": "(the duplicate sent nothing)"}
        return first, second

    # -- after the order ---------------------------------------------------------------------------------------

    def own_order(self):
        buyer, _ = self.rng.choice(self.buyers)
        with self.ledger.lock:
            numbers = self.ledger.by_buyer.get(buyer)
            if not numbers:
                return None
            order = self.ledger.orders[self.rng.choice(numbers)]
        return None if order["moved_deadline"] else order

    def cancel(self):
        order = self.own_order()
        if order is None:
            return self.create()
        with self.ledger.lock:
            order["cancel_tries"] += 1
        answer = self.send("cancel", lambda: self.client.cancel(order["token"], order["number"]))
        if answer is None or answer == "not_sent":
            return
        _, parsed, raw = answer
        data = parsed.get("data") or {}
        if parsed["code"] == 0:
            if data.get("status") != -1:
                self.ledger.violation(f"cancel {order['number']}: code 0 with status {data.get('status')}")
            with self.ledger.lock:
                order["cancel_ack"] = True
                self.ledger.figures["cancel_acked"] += 1
        elif rel.error_of(parsed) != "order_not_cancellable" or data.get("status") not in (-1, 1):
            self.ledger.violation(f"cancel {order['number']}: unexpected {raw[:300]}")

    def pay(self):
        with self.ledger.lock:
            order = self.ledger.orders[self.rng.choice(self.ledger.numbers)]
            if order["moved_deadline"]:
                return None
            order["pay_tries"] += 1
        payment_id = f"pay-{order['number']}"  # one payment id per order: a repeat is the same payment (R65)
        answer = self.send("pay", lambda: self.client.pay(self.service_key, order["number"], payment_id, order["amount"]))
        if answer is None or answer == "not_sent":
            return None
        _, parsed, raw = answer
        data = parsed.get("data") or {}
        if parsed["code"] == 0:
            if data.get("status") != 1 or data.get("payment_id") != payment_id:
                self.ledger.violation(f"pay {order['number']}: code 0 with status {data.get('status')} payment_id {data.get('payment_id')}")
            with self.ledger.lock:
                order["pay_ack"] = payment_id
                self.ledger.figures["pay_acked"] += 1
        elif rel.error_of(parsed) != "order_closed":
            self.ledger.violation(f"pay {order['number']}: unexpected {raw[:300]}")
        return None

    def read(self):
        order = self.own_order()
        if order is None:
            return self.create()
        answer = self.send("detail", lambda: self.client.detail(order["token"], order["number"]))
        if answer is None or answer == "not_sent":
            return None
        _, parsed, raw = answer
        if parsed["code"] != 0 or parsed["data"].get("amount") != order["amount"]:
            self.ledger.violation(f"detail {order['number']}: {raw[:300]}")
        return None


# ---------------------------------------------------------------------------------------------------------------
# Creates with an Idempotency-Key (R55): every create carries its tag as its key; an attempt is one sending of it.

SUCCESS = ("placed", "replayed")  # code 0, without / with the header Idempotent-Replayed: true
LOST = ("unknown", "fault")  # no answer (in flight at a kill), or a 5xx / not an envelope: the order may exist


def new_request(tag, buyer, token, body, lines, code, expected, may_refuse, cycle):
    """A create request: its body is encoded once, and every attempt (the first sending, a duplicate, a retry after a
    kill) sends these same bytes with the same key, as a client retrying it would."""
    data = rel.encode_body(body)
    return {"tag": tag, "buyer": buyer, "token": token, "data": data, "fingerprint": rel.idempotency_fingerprint(data),
            "lines": lines, "code": code, "expected": expected, "may_refuse": set(may_refuse), "cycle": cycle,
            "attempts": [], "placed": [], "number": None, "answer": None}


def describe(record):
    return (f"POST {rel.CREATE_PATH} (buyer {record['buyer']}, {rel.IDEMPOTENCY_HEADER}: {record['tag']})"
            f" {record['data'].decode()}")


def outcome_of(record):
    """ack: some attempt was answered with the order; unknown: none was, and some got no answer (the order may exist);
    refused:<error> / in_use / not_sent: no attempt can have placed it."""
    kinds = [attempt["kind"] for attempt in list(record["attempts"])]
    if any(kind in SUCCESS for kind in kinds):
        return "ack"
    if any(kind in LOST for kind in kinds) or not kinds:
        return "unknown"
    refused = [attempt["error"] for attempt in record["attempts"] if attempt["kind"] == "refused"]
    if refused:
        return f"refused:{refused[-1]}"
    return "in_use" if "in_use" in kinds else "not_sent"


def send_create(ledger, client, record, phase):
    """Sends the record's create once: its key, its exact bytes. Files the attempt in record["attempts"] with its kind:
    placed, replayed, refused (data.error in "error"), in_use (idempotency_key_in_use), unknown (no answer), fault (5xx,
    not an envelope) or not_sent (connection refused after a kill). An answer with the order is checked against what
    the body should cost and the order entered in the ledger."""
    attempt = {"phase": phase, "kind": None, "number": None, "error": None, "data": None, "raw": "", "status": None}
    retry = phase.startswith("retry")
    try:
        status, parsed, raw, replayed = client.create_keyed(record["token"], record["data"], record["tag"])
    except rel.TRANSPORT_ERRORS as error:
        attempt["raw"] = repr(error)
        if ledger.killing and isinstance(error, ConnectionRefusedError):
            ledger.count("refused_after_kill")  # never reached a server: known not to have happened
            attempt["kind"] = "not_sent"
        else:
            ledger.count("requests")
            ledger.count("retry_requests" if retry else "create_tried")
            attempt["kind"] = "unknown"
            if ledger.killing:
                ledger.count("in_flight_at_kill")
            else:
                ledger.count("transport_errors_while_up")
                ledger.violation(f"create {record['tag']} ({phase}): transport error while the service was up: {error!r};"
                                 f" request {describe(record)}")
        file_attempt(ledger, record, attempt)
        return attempt
    ledger.count("requests")
    ledger.count("retry_requests" if retry else "create_tried")
    attempt.update(status=status, raw=raw)
    if status != 200 or not isinstance(parsed, dict) or "code" not in parsed or (
            parsed["code"] == 0 and not isinstance(parsed.get("data"), dict)):
        ledger.count("http_5xx" if status >= 500 else "http_other")
        ledger.violation(f"create {record['tag']} ({phase}): HTTP {status} {raw[:300]}; request {describe(record)}")
        attempt["kind"] = "fault"
    elif parsed["code"] != 0:
        attempt["error"] = rel.error_of(parsed)
        attempt["kind"] = "in_use" if attempt["error"] == "idempotency_key_in_use" else "refused"
        with ledger.lock:
            ledger.refusals[f"{'retry' if retry else 'create'}:{attempt['error']}"] += 1
    else:
        attempt["kind"] = "replayed" if replayed else "placed"
        attempt["data"] = parsed["data"]
        attempt["number"] = parsed["data"].get("order_id")
    file_attempt(ledger, record, attempt)
    return attempt


def file_attempt(ledger, record, attempt):
    kind, data, number = attempt["kind"], attempt["data"], attempt["number"]
    problems = []
    with ledger.lock:
        record["attempts"].append(attempt)
        if kind not in SUCCESS:
            return
        if kind == "placed":
            record["placed"].append(number)
            if len(record["placed"]) > 1:
                problems.append(f"one key placed {len(record['placed'])} orders: {record['placed']}")
        if record["number"] is None:
            record["number"], record["answer"] = number, data
        elif number != record["number"]:
            problems.append(f"answered with order {number}, an earlier answer to this key was order {record['number']}")
        elif data != record["answer"]:
            differing = sorted(k for k in set(data) | set(record["answer"]) if data.get(k) != record["answer"].get(k))
            problems.append(f"answer differs from the earlier answer to this key in {differing}:"
                            f" {[(k, record['answer'].get(k), data.get(k)) for k in differing][:6]}")
        if number in ledger.orders and ledger.orders[number]["tag"] != record["tag"]:
            problems.append(f"order {number} was the answer to request {ledger.orders[number]['tag']} already")
        elif number not in ledger.orders:
            ledger.orders[number] = {
                "number": number, "id": data.get("id"), "buyer": record["buyer"], "token": record["token"],
                "amount": data.get("amount"), "origin_amount": data.get("origin_amount"),
                "discount_amount": data.get("discount_amount"), "tag": record["tag"], "cancel_tries": 0, "pay_tries": 0,
                "cancel_ack": False, "pay_ack": None, "moved_deadline": False}
            ledger.numbers.append(number)
            ledger.by_buyer.setdefault(record["buyer"], []).append(number)
        if attempt["phase"] in ("load", "dup"):
            ledger.figures["create_acked" if kind == "placed" else "load_replayed"] += 1
    expected = record["expected"]
    amounts = (data.get("origin_amount"), data.get("discount_amount"), data.get("amount"))
    if expected is None or amounts != expected:
        problems.append(f"origin/discount/amount {amounts}, the body should cost {expected}")
    if data.get("status") != 0 or data.get("user_id") != record["buyer"] or data.get("remark") != f"reliability {record['tag']}":
        problems.append(f"status {data.get('status')} user {data.get('user_id')} remark {data.get('remark')!r}"
                        f" (a replay is the first answer, status 0)")
    for problem in problems:
        ledger.violation(f"create {record['tag']} ({attempt['phase']}, {kind}): {problem}; request {describe(record)};"
                         f" answer {attempt['raw'][:400]}")


def judge(ledger, record, attempt, replay_allowed, in_use_allowed):
    """What one attempt may be answered, beyond what send_create checks already."""
    kind = attempt["kind"]
    wrong = None
    if kind == "refused" and attempt["error"] not in record["may_refuse"]:
        wrong = f"a refusal this body cannot get ({attempt['error']}; it may get {sorted(record['may_refuse']) or 'none'})"
    elif kind == "in_use" and not in_use_allowed:
        wrong = "idempotency_key_in_use, with no other request of this key running"
    elif kind == "replayed" and not replay_allowed:
        wrong = "a replay, for a key that had placed nothing"
    if wrong:
        ledger.violation(f"create {record['tag']} ({attempt['phase']}): {wrong}; request {describe(record)};"
                         f" answer HTTP {attempt['status']} {attempt['raw'][:300]}")
    return wrong is None


def judge_back_to_back(ledger, record, first, second):
    """The same key and bytes sent again once the first answer is in: a replay of the same order if it was placed."""
    judge(ledger, record, first, replay_allowed=False, in_use_allowed=False)
    if second is None:
        return  # the first had no answer: the kill; retried after the restart
    judge(ledger, record, second, replay_allowed=first["kind"] == "placed", in_use_allowed=False)
    if first["kind"] == "placed":
        if second["kind"] == "replayed":
            ledger.count("dup_replayed")
        elif second["kind"] not in LOST + ("not_sent",):
            ledger.violation(f"create {record['tag']}: sent again after it placed order {first['number']}, answered"
                             f" {second['kind']} instead of a replay: HTTP {second['status']} {second['raw'][:300]};"
                             f" request {describe(record)}")
    elif second["kind"] == "refused":
        ledger.count("dup_refused_twice")
    elif second["kind"] == "placed":
        ledger.count("dup_placed_after_refusal")  # a refusal keeps no key; stock or a code may have been given back since


def judge_concurrent(ledger, record, first, second):
    """Two sendings at once: at most one places the order; the other is a replay of it, idempotency_key_in_use (it
    came while the first ran), or, when the first was refused, the same kind of answer as a lone request."""
    for attempt in (first, second):
        judge(ledger, record, attempt, replay_allowed=True, in_use_allowed=True)
    kinds = sorted((first["kind"], second["kind"]))
    with ledger.lock:
        ledger.dup_pairs[" + ".join(kinds)] += 1
    placed, replayed, in_use = kinds.count("placed"), kinds.count("replayed"), kinds.count("in_use")
    lost = any(kind in LOST for kind in kinds)
    wrong = None
    if placed > 1:
        wrong = "both placed an order"
    elif in_use == 2:
        wrong = "both answered idempotency_key_in_use: nobody ran it"
    elif replayed and not placed and not lost:
        wrong = "a replay, but neither of the two placed the order"
    if placed == 1 and replayed == 1:
        ledger.count("dup_replayed")
    elif placed == 1 and in_use == 1:
        ledger.count("dup_in_use")
    if wrong:
        ledger.violation(f"create {record['tag']} sent twice at once: {wrong}: {first['kind']} HTTP {first['status']}"
                         f" {first['raw'][:200]} / {second['kind']} HTTP {second['status']} {second['raw'][:200]};"
                         f" request {describe(record)}")


def needs_retry(record):
    """Its outcome is unknown (no answer, or a fault) and it has not been retried yet."""
    attempts = record["attempts"]
    return (any(a["kind"] in LOST for a in attempts) and not any(a["kind"] in SUCCESS for a in attempts)
            and not any(a["phase"].startswith("retry") for a in attempts))


def retry_lost_creates(service, ledger):
    """After a restart, as a client would: every create whose answer was lost is sent again, same key, same bytes.
    It must be a replay (the order was written before the kill), a placement (it was not), or a refusal the body may
    get; a second retry must then replay the same order, or repeat the refusal."""
    with ledger.lock:
        pending = [record for record in ledger.requests.values() if needs_retry(record)]
    before = Counter(ledger.figures)
    client = rel.Client(service.port)
    try:
        for record in pending:
            ledger.count("retried_after_kill")
            first = send_create(ledger, client, record, "retry1")
            kind = first["kind"]
            if kind == "replayed":
                ledger.count("retry_replayed")
            elif kind == "placed":
                ledger.count("retry_placed")
            elif kind == "refused" and first["error"] in record["may_refuse"]:
                ledger.count("retry_refused")
            else:
                ledger.violation(f"retry of {record['tag']} after the restart neither replayed, placed nor was refused as"
                                 f" the body may be: {kind} HTTP {first['status']} {first['raw'][:300]}; request"
                                 f" {describe(record)}")
                continue
            second = send_create(ledger, client, record, "retry2")
            if kind in SUCCESS:
                if second["kind"] == "replayed" and second["number"] == first["number"]:
                    ledger.count("second_retry_replayed")
                else:
                    ledger.violation(f"second retry of {record['tag']} (the first {kind} order {first['number']}):"
                                     f" {second['kind']} HTTP {second['status']} {second['raw'][:300]}; request"
                                     f" {describe(record)}")
            elif second["kind"] == "refused" and second["error"] == first["error"]:
                ledger.count("second_retry_same_refusal")
            elif second["kind"] == "placed":
                # The refusal kept nothing, and the close job may have given stock or a code back in between.
                ledger.count("second_retry_placed_after_refusal")
                third = send_create(ledger, client, record, "retry3")
                if third["kind"] != "replayed" or third["number"] != second["number"]:
                    ledger.violation(f"third retry of {record['tag']} (the second placed {second['number']}):"
                                     f" {third['kind']} HTTP {third['status']} {third['raw'][:300]}")
            else:
                ledger.violation(f"second retry of {record['tag']} (the first refused {first['error']}): {second['kind']}"
                                 f" HTTP {second['status']} {second['raw'][:300]}; request {describe(record)}")
    finally:
        client.close()
    done = ledger.figures - before
    log(f"  retried {len(pending)} creates whose answer the kill lost (same key, same bytes): {done['retry_replayed']}"
        f" replayed, {done['retry_placed']} placed, {done['retry_refused']} refused; second retries:"
        f" {done['second_retry_replayed']} replayed the same order, {done['second_retry_same_refusal']} the same refusal,"
        f" {done['second_retry_placed_after_refusal']} placed after a refusal")


# ---------------------------------------------------------------------------------------------------------------


def check_ledger(conn, ledger, code_ids, final=False):
    """What the clients were told against what the file holds."""
    violations = []
    rows = conn.execute(
        "SELECT id, order_id, user_id, status, amount, origin_amount, discount_amount, coupon_code_id, payment_id, remark"
        " FROM orders").fetchall()
    lines = {}
    for order_id, goods_id, sku_id, quantity in conn.execute("SELECT order_id, goods_id, sku_id, quantity FROM order_details"):
        lines.setdefault(order_id, {})[(goods_id, sku_id)] = lines.get(order_id, {}).get((goods_id, sku_id), 0) + quantity
    by_number = {row[1]: row for row in rows}
    by_tag = {}
    with ledger.lock:
        requests = {tag: dict(request, attempts=list(request["attempts"])) for tag, request in ledger.requests.items()}
        orders = {number: dict(order) for number, order in ledger.orders.items()}
    for row in rows:
        remark = row[9]
        tag = remark[len("reliability "):] if remark.startswith("reliability ") else None
        request = requests.get(tag)
        if request is None:
            violations.append(f"order {row[1]}: remark {remark!r} matches no request sent")
            continue
        by_tag.setdefault(tag, []).append(row)
        outcome = outcome_of(request)
        if outcome not in ("ack", "unknown"):
            violations.append(f"order {row[1]}: written for request {tag}, which was refused ({outcome})")
        retries = [attempt for attempt in request["attempts"] if attempt["phase"].startswith("retry")]
        if retries and retries[-1]["kind"] not in SUCCESS:
            violations.append(f"order {row[1]}: written for request {tag} (before the kill), but its last retry after the"
                              f" restart was answered {retries[-1]['kind']} {retries[-1]['raw'][:200]}, not a replay")
        if row[2] != request["buyer"]:
            violations.append(f"order {row[1]}: buyer {row[2]}, request {tag} came from {request['buyer']}")
        if lines.get(row[0], {}) != request["lines"]:
            violations.append(f"order {row[1]}: lines {lines.get(row[0])}, request {tag} asked for {request['lines']}")
        if request["expected"] is not None and (row[5], row[6], row[4]) != request["expected"]:
            violations.append(f"order {row[1]}: origin/discount/amount {row[5]}/{row[6]}/{row[4]}, expected {request['expected']}")
        expected_code = code_ids.get(request["code"]) if request["code"] else None
        if row[7] != expected_code:
            violations.append(f"order {row[1]}: coupon_code_id {row[7]}, request {tag} sent {request['code']} ({expected_code})")
    for tag, found in by_tag.items():
        if len(found) > 1:
            violations.append(f"request {tag} (one Idempotency-Key): {len(found)} orders {[row[1] for row in found]}")
    for tag, request in requests.items():
        found = by_tag.get(tag, [])
        if outcome_of(request) == "ack" and [row[1] for row in found] != [request["number"]]:
            violations.append(f"request {tag}: answered with order {request['number']} (placed or replayed), the file"
                              f" holds {[row[1] for row in found] or 'no order'} for it")
    ledger.orders_per_key_max = max((len(found) for found in by_tag.values()), default=0)

    # R55: each of our orders was placed with its tag as key; the key row is written in the order's transaction.
    keys = rel.idempotency_rows(conn)
    ledger.key_rows = len(keys)
    key_of_order = {}
    for user_id, key, fingerprint, order_id, _, _ in keys:
        request = requests.get(key)
        if request is None:
            violations.append(f"idempotency key {key!r} of user {user_id}: no request was sent with it")
            continue
        if user_id != request["buyer"] or fingerprint != request["fingerprint"]:
            violations.append(f"idempotency key {key!r}: user {user_id} fingerprint {fingerprint}, the request came from"
                              f" {request['buyer']} with fingerprint {request['fingerprint']}")
        key_of_order[order_id] = key
    for tag, found in by_tag.items():
        for row in found:
            if key_of_order.get(row[0]) != tag:
                violations.append(f"order {row[1]} of request {tag}: idempotency key row {key_of_order.get(row[0])!r},"
                                  f" expected {tag!r} (written in the order's own transaction)")

    for number, order in orders.items():
        row = by_number.get(number)
        if row is None:
            violations.append(f"acknowledged order {number} ({order['tag']}) is missing")
            continue
        if (row[0], row[2], row[4], row[5], row[6]) != (order["id"], order["buyer"], order["amount"], order["origin_amount"],
                                                        order["discount_amount"]):
            violations.append(f"acknowledged order {number}: id/buyer/amount/origin/discount {row[0]}/{row[2]}/{row[4]}/"
                              f"{row[5]}/{row[6]}, acknowledged {order['id']}/{order['buyer']}/{order['amount']}/"
                              f"{order['origin_amount']}/{order['discount_amount']}")
        status = row[3]
        if order["cancel_ack"] and order["pay_ack"]:
            violations.append(f"order {number}: both a cancel and a payment were acknowledged")
        if order["cancel_ack"] and status != -1:
            violations.append(f"order {number}: cancel acknowledged, status {status}")
        if order["pay_ack"] and (status != 1 or row[8] != order["pay_ack"]):
            violations.append(f"order {number}: payment acknowledged, status {status} payment_id {row[8]!r}")
        if status == -1 and not order["cancel_tries"] and not order["moved_deadline"]:
            violations.append(f"order {number}: status -1 but never cancelled and not overdue")
        if status == 1 and not order["pay_tries"]:
            violations.append(f"order {number}: status 1 but never paid")
        if final and order["moved_deadline"] and status != -1:
            violations.append(f"order {number}: overdue (end_time moved to the past) but not closed, status {status}")
    return violations


def moved_deadline_ids(ledger):
    with ledger.lock:
        return {order["id"] for order in ledger.orders.values() if order["moved_deadline"]}


def verify(phase, db_path, base, ledger, code_ids, final=False):
    started = time.monotonic()
    conn = rel.connect(db_path)
    try:
        violations = rel.check_database(conn, base, moved_deadline_ids(ledger))
        conn.execute("BEGIN")
        try:
            violations += check_ledger(conn, ledger, code_ids, final)
            orders, waiting, cancelled, paid = conn.execute(
                "SELECT COUNT(*), SUM(status = 0), SUM(status = -1), SUM(status = 1) FROM orders").fetchone()
        finally:
            conn.execute("COMMIT")
    finally:
        conn.close()
    log(f"  check [{phase}]: {orders} orders in the file ({waiting} waiting, {paid} paid, {cancelled} cancelled/closed),"
        f" {len(violations)} violations, {time.monotonic() - started:.2f}s")
    for text in violations[:25]:
        log(f"    VIOLATION: {text}")
    if len(violations) > 25:
        log(f"    ... and {len(violations) - 25} more")
    return violations


def snapshot(db_path: Path, into: Path) -> Path:
    """The database and its WAL as the kill left them (not the -shm index, which SQLite rebuilds from the WAL)."""
    into.mkdir(parents=True, exist_ok=True)
    copy = into / db_path.name
    for suffix in ("", "-wal", "-journal"):
        source = Path(str(db_path) + suffix)
        if source.exists():
            shutil.copyfile(source, Path(str(copy) + suffix))
    return copy


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--configuration", default=None, help="Debug (default: what .ci/run builds) or Release")
    parser.add_argument("--api-dll", default=None, help="path of OrderPlatform.Api.dll (overrides --configuration)")
    parser.add_argument("--cycles", type=int, default=3, help="kill/restart cycles (default 3)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random, printed)")
    parser.add_argument("--work", default=None, help="folder for the database and logs (default: a temp folder, removed on success)")
    parser.add_argument("--budget", type=float, default=80.0, help="seconds after which no new cycle starts (default 80)")
    args = parser.parse_args()
    rel.install_sigterm_handler()

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    dll = rel.resolve_api_dll(args.configuration, args.api_dll)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="orderplatform-crash."))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "orderplatform.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    secret, service_key = rel.random_secret(48), rel.random_secret(40)
    service = rel.Service("service", dll, db_path, work / "service.log", secret, service_key,
                          {"Orders__CloseSweepSeconds": "1"})
    began = time.monotonic()
    log(f"crash test: {dll.relative_to(rel.REPO) if dll.is_relative_to(rel.REPO) else dll}, seed {seed}, work {work}")

    ledger = Ledger()
    violations = []
    timings = []
    try:
        start_seconds = service.start()
        log(f"  fresh file created, migrated and seeded; healthy after {start_seconds:.1f}s (pid {service.process.pid}, port {service.port})")
        conn = rel.connect(db_path)
        conn.execute("BEGIN IMMEDIATE")
        buyer_ids = rel.add_buyers(conn, FIRST_BUYER, WORKERS * BUYERS_PER_WORKER)
        rel.add_buyers(conn, PROBE_BUYER, 1)
        rel.add_coupon_codes(conn, 1, [f"CRASH-{n}" for n in range(SINGLE_USE_CODES)])
        rel.set_stock(conn, 188, None, PLENTY)
        for sku in range(1, 7):
            rel.set_stock(conn, 1 if sku <= 2 else 2, sku, PLENTY)
        rel.set_stock(conn, 192, None, SCARCE_STOCK)
        conn.execute("COMMIT")
        base = rel.baseline(conn)
        code_ids = rel.coupon_code_ids(conn)
        conn.close()
        if base["orders"] != 0:
            raise RuntimeError("the fresh file already holds orders")
        tokens = {buyer: rel.issue_token(secret, buyer) for buyer in buyer_ids + [PROBE_BUYER]}
        log(f"  prepared: {len(buyer_ids)} buyers, {SINGLE_USE_CODES} single-use codes, stock {PLENTY} for 188 and SKUs 1-6,"
            f" {SCARCE_STOCK} for 192")

        for cycle in range(1, args.cycles + 1):
            if time.monotonic() - began > args.budget:
                log(f"  budget of {args.budget:.0f}s used: no cycle {cycle}")
                break
            if cycle > 1:
                move_deadlines(db_path, ledger, rng)
            load_seconds = rng.uniform(1.0, 3.0)
            before = Counter(ledger.figures)
            stop = threading.Event()
            ledger.killing = False
            workers = [Worker(i, ledger, service.port, [(b, tokens[b]) for b in buyer_ids[i * BUYERS_PER_WORKER:(i + 1) * BUYERS_PER_WORKER]],
                              service_key, stop, cycle, random.Random(rng.random())) for i in range(WORKERS)]
            for worker in workers:
                worker.start()
            time.sleep(load_seconds)
            pid = service.process.pid
            ledger.killing = True
            service.kill9()
            killed_at = time.monotonic()
            stop.set()
            for worker in workers:
                worker.join(30)
                if worker.is_alive():
                    raise RuntimeError(f"{worker.name} did not stop")
            during = ledger.figures - before
            log(f"cycle {cycle}: {load_seconds:.2f}s of load, then SIGKILL to pid {pid}: {during['requests']} requests"
                f" ({during['create_tried']} creates, {during['create_acked']} acknowledged; {during['cancel_tried']} cancels,"
                f" {during['cancel_acked']} acknowledged; {during['pay_tried']} payments, {during['pay_acked']} acknowledged;"
                f" {during['detail_tried']} reads), {during['in_flight_at_kill']} in flight at the kill,"
            f" {during['refused_after_kill']} refused connections after it")
            copy = snapshot(db_path, work / f"after-kill-{cycle}")
            violations += verify(f"cycle {cycle}, file as killed", copy, base, ledger, code_ids)

            try:
                restart_seconds = service.start(timeout=RESTART_TIMEOUT)
            except RuntimeError as error:
                violations.append(f"cycle {cycle}: no healthy restart on the killed file within {RESTART_TIMEOUT:.0f}s;"
                                  f" __EFMigrationsLock rows: {rel.migration_lock_rows(db_path)}")
                log(f"    VIOLATION: {violations[-1]}\n{error}")
                service.stop()
                break
            timings.append((load_seconds, restart_seconds, time.monotonic() - killed_at))
            log(f"  restarted on the same file: healthy after {restart_seconds:.1f}s (pid {service.process.pid}, port {service.port})")
            ledger.killing = False  # from here a transport error is a violation again
            retry_lost_creates(service, ledger)
            violations += probe(service, ledger, tokens[PROBE_BUYER], cycle, rng)
            violations += verify(f"cycle {cycle}, after restart", db_path, base, ledger, code_ids)

        up = service.alive()
        closed = wait_for_closes(db_path, ledger, timeout=10) if up else None
        service.stop()
        violations += verify("final, service stopped", db_path, base, ledger, code_ids, final=up)
        if closed is not None:
            log(f"  overdue orders closed by the close job: {closed[0]} of {closed[1]}")
        errors = service.log_errors()
        if errors:
            violations.append(f"the service logged {len(errors)} error lines")
            for line in errors[:10]:
                log(f"    LOG: {line}")
    except (RuntimeError, OSError) as error:
        log(f"SET-UP FAILURE: {error}")
        service.stop()
        log(f"work folder kept: {work}")
        return 2
    finally:
        service.stop()

    violations = ledger.violations + violations
    f = ledger.figures
    if ledger.orders_per_key_max != 1:
        violations.append(f"orders per key max is {ledger.orders_per_key_max}, not 1")
    log("")
    log(f"crash test figures (seed {seed}, {len(timings)} kill/restart cycles, {time.monotonic() - began:.1f}s in all):")
    log(f"  requests tried: {f['requests']}; creates {f['create_tried']}, acknowledged {f['create_acked']};"
        f" cancels {f['cancel_tried']}, acknowledged {f['cancel_acked']}; payments {f['pay_tried']}, acknowledged {f['pay_acked']};"
        f" reads {f['detail_tried']}; probes after restart {f['probe_acked']}; retries after restarts {f['retry_requests']}")
    log(f"  refusals: {dict(sorted(ledger.refusals.items())) or 'none'}")
    log(f"  in flight at a kill (outcome unknown): {f['in_flight_at_kill']}; connection refused after a kill (not sent):"
        f" {f['refused_after_kill']}; transport errors while up: {f['transport_errors_while_up']}")
    log(f"  idempotency (R55), every create keyed: retried after kill {f['retried_after_kill']}: replayed {f['retry_replayed']},"
        f" placed on retry {f['retry_placed']}, refused on retry {f['retry_refused']}; second retry: same order replayed"
        f" {f['second_retry_replayed']}, same refusal {f['second_retry_same_refusal']}, placed after a refusal"
        f" {f['second_retry_placed_after_refusal']}")
    log(f"  duplicates sent {f['dup_sent']} ({f['dup_concurrent']} at once, {f['dup_back_to_back']} back to back): the other"
        f" answer a replay {f['dup_replayed']}, idempotency_key_in_use {f['dup_in_use']}, refused twice {f['dup_refused_twice']};"
        f" pairs sent at once: {dict(sorted(ledger.dup_pairs.items())) or 'none'}")
    log(f"  orders per key max (must be 1): {ledger.orders_per_key_max}; idempotency_keys rows {ledger.key_rows};"
        f" replays during the load {f['load_replayed']}")
    log(f"  HTTP 5xx: {f['http_5xx']}; other unexpected HTTP: {f['http_other']}")
    log("  timings: " + "; ".join(f"load {load:.2f}s, restart to healthy {up:.1f}s, kill to healthy {total:.1f}s"
                                  for load, up, total in timings))
    log(f"  invariant violations: {len(violations)}")
    for text in violations[:25]:
        log(f"    VIOLATION: {text}")
    if len(violations) > 25:
        log(f"    ... and {len(violations) - 25} more")
    if violations:
        log(f"CRASH TEST FAILED; work folder kept: {work}")
        return 1
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    log("CRASH TEST PASSED")
    return 0


def probe(service, ledger, token, cycle, rng):
    """After a restart: one more order must be placed (and its key replayed), and acknowledged orders read back as
    acknowledged."""
    violations = []
    client = rel.Client(service.port)
    tag = f"probe-{cycle}"
    record = new_request(tag, PROBE_BUYER, token, {"goods_id": 188, "quantity": 1, "remark": f"reliability {tag}"},
                         {(188, None): 1}, None, (9900, 0, 9900), set(), cycle)
    with ledger.lock:
        ledger.requests[tag] = record
        sample = rng.sample(list(ledger.orders.values()), min(20, len(ledger.orders)))
    try:
        placed = send_create(ledger, client, record, "probe")
        again = send_create(ledger, client, record, "probe-replay") if placed["kind"] == "placed" else None
        if placed["kind"] == "placed" and again["kind"] == "replayed" and again["number"] == placed["number"]:
            ledger.count("probe_acked")
            log(f"  probe order after restart: {placed['number']} placed, and replayed for its key")
        else:
            violations.append(f"probe order after restart: {placed['kind']} HTTP {placed['status']} {placed['raw'][:300]}"
                              + (f"; sent again: {again['kind']} HTTP {again['status']} {again['raw'][:300]}" if again else ""))
        for order in sample:
            status, parsed, raw = client.detail(order["token"], order["number"])
            ledger.count("requests")
            if status != 200 or not parsed or parsed.get("code") != 0 or parsed["data"].get("amount") != order["amount"]:
                violations.append(f"detail of acknowledged order {order['number']} after restart: HTTP {status} {raw[:300]}")
    except rel.TRANSPORT_ERRORS as error:
        violations.append(f"probe after restart: transport error {error!r}")
    finally:
        client.close()
    for text in violations:
        log(f"    VIOLATION: {text}")
    return violations


def move_deadlines(db_path, ledger, rng):
    """A few acknowledged orders that nobody cancelled or paid get a payment deadline in the past, as if 30 minutes
    had gone by, written to the file while the service runs; its close job (R64) must close them exactly once."""
    with ledger.lock:
        candidates = [o for o in ledger.orders.values()
                      if not o["cancel_tries"] and not o["pay_tries"] and not o["moved_deadline"] and o["tag"].startswith("c")]
        chosen = rng.sample(candidates, min(BACKDATE_PER_CYCLE, len(candidates)))
        for order in chosen:
            order["moved_deadline"] = True  # from now on no worker touches it
    if not chosen:
        return
    conn = rel.connect(db_path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        moved = conn.execute(
            f"UPDATE orders SET end_time = CAST(strftime('%s','now') AS INTEGER) - 5 WHERE status = 0 AND id IN"
            f" ({','.join(str(o['id']) for o in chosen)})").rowcount
        conn.execute("COMMIT")
    finally:
        conn.close()
    log(f"  {moved} waiting orders made overdue for the close job")


def wait_for_closes(db_path, ledger, timeout):
    ids = moved_deadline_ids(ledger)
    if not ids:
        return None
    conn = rel.connect(db_path)
    try:
        deadline = time.monotonic() + timeout
        while True:
            closed = conn.execute(f"SELECT COUNT(*) FROM orders WHERE status = -1 AND id IN ({','.join(map(str, ids))})").fetchone()[0]
            if closed == len(ids) or time.monotonic() > deadline:
                return closed, len(ids)
            time.sleep(0.2)
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
