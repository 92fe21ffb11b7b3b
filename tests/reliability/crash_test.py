#!/usr/bin/env python3
"""Crash test: SIGKILL the service under load, then check the SQLite file and restart on it; several cycles.

1. A fresh SQLite file: the service creates, migrates and seeds it at its first start; then this script adds
   buyers, single-use coupon codes and stock straight into the file (as bench/OrderPlatform.Bench/Prepare does).
2. Each cycle: several threads send creates (single product, several lines with SKUs chosen by id or by
   option values, repeated lines, an address, coupons: fresh single-use codes, reused ones, a percentage code,
   a goods-scoped code, and a scarce product that runs out), cancels and payment confirmations of the orders
   they were told about, and detail reads. After a random 1-3 s the server process gets SIGKILL.
3. The file as the kill left it (a copy of the database and its WAL, so that the service still recovers the
   original itself) is checked: integrity, every acknowledged order there with the acknowledged amounts and
   lines, every acknowledged cancel and payment there, no order from a refused request, the amount rules of
   every order, the stock and coupon invariants of R66, the per-buyer counts of R62.
4. The service restarts on the same file: /health, one more order placed, detail reads of acknowledged orders,
   the same checks again. From the second cycle on, a few waiting orders get a payment deadline in the past
   (end_time, R53) so that the close job (R64, every second here) closes them during the load and the kills.
At the end, after the close job has closed them all, the service is stopped and the file checked once more.

Prints the figures; exits 1 on any violation (a 5xx, an unexpected refusal, a transport error while the service
was up, a broken invariant), 2 on a set-up failure.

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
        record = {"tag": tag, "buyer": buyer, "lines": lines, "code": code, "expected": rel.expected_amounts(lines, terms),
                  "outcome": "unknown", "cycle": self.cycle}
        with self.ledger.lock:
            self.ledger.requests[tag] = record
        answer = self.send("create", lambda: self.client.create(token, body))
        if code and code.startswith("CRASH-") and "coupon_used_up" not in may_refuse:
            with self.ledger.lock:
                self.ledger.codes_tried.append(code)  # reused by later requests only once this one has its answer
        if answer == "not_sent":
            record["outcome"] = "not_sent"
            return
        if answer is None:
            return
        _, parsed, raw = answer
        if parsed["code"] != 0:
            error = rel.error_of(parsed)
            record["outcome"] = f"refused:{error}"
            if error not in may_refuse:
                self.ledger.violation(f"create {tag}: unexpected refusal {raw[:300]} for {body}")
            return
        data = parsed["data"]
        record["outcome"] = "ack"
        ack = {"number": data["order_id"], "id": data["id"], "buyer": buyer, "token": token, "amount": data["amount"],
               "origin_amount": data["origin_amount"], "discount_amount": data["discount_amount"], "tag": tag,
               "cancel_tries": 0, "pay_tries": 0, "cancel_ack": False, "pay_ack": None, "moved_deadline": False}
        record["number"] = ack["number"]
        expected = record["expected"]
        if expected is None or (data["origin_amount"], data["discount_amount"], data["amount"]) != expected:
            self.ledger.violation(f"create {tag}: answered origin/discount/amount {data['origin_amount']}/"
                                  f"{data['discount_amount']}/{data['amount']}, expected {expected} for {body}")
        if data.get("status") != 0 or data.get("user_id") != buyer:
            self.ledger.violation(f"create {tag}: answered status {data.get('status')} user {data.get('user_id')}")
        with self.ledger.lock:
            if ack["number"] in self.ledger.orders:
                self.ledger.violations.append(f"create {tag}: order number {ack['number']} acknowledged twice")
            self.ledger.orders[ack["number"]] = ack
            self.ledger.numbers.append(ack["number"])
            self.ledger.by_buyer.setdefault(buyer, []).append(ack["number"])
            self.ledger.figures["create_acked"] += 1

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
        requests = dict(ledger.requests)
        orders = {number: dict(order) for number, order in ledger.orders.items()}
    for row in rows:
        remark = row[9]
        tag = remark[len("reliability "):] if remark.startswith("reliability ") else None
        request = requests.get(tag)
        if request is None:
            violations.append(f"order {row[1]}: remark {remark!r} matches no request sent")
            continue
        by_tag.setdefault(tag, []).append(row)
        if request["outcome"] not in ("ack", "unknown"):
            violations.append(f"order {row[1]}: written for request {tag}, which was refused ({request['outcome']})")
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
            violations.append(f"request {tag}: {len(found)} orders")

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
    log("")
    log(f"crash test figures (seed {seed}, {len(timings)} kill/restart cycles, {time.monotonic() - began:.1f}s in all):")
    log(f"  requests tried: {f['requests']}; creates {f['create_tried']}, acknowledged {f['create_acked']};"
        f" cancels {f['cancel_tried']}, acknowledged {f['cancel_acked']}; payments {f['pay_tried']}, acknowledged {f['pay_acked']};"
        f" reads {f['detail_tried']}; probes after restart {f['probe_acked']}")
    log(f"  refusals: {dict(sorted(ledger.refusals.items())) or 'none'}")
    log(f"  in flight at a kill (outcome unknown): {f['in_flight_at_kill']}; connection refused after a kill (not sent):"
        f" {f['refused_after_kill']}; transport errors while up: {f['transport_errors_while_up']}")
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
    """After a restart: one more order must be placed, and acknowledged orders read back as acknowledged."""
    violations = []
    client = rel.Client(service.port)
    tag = f"probe-{cycle}"
    body = {"goods_id": 188, "quantity": 1, "remark": f"reliability {tag}"}
    with ledger.lock:
        ledger.requests[tag] = {"tag": tag, "buyer": PROBE_BUYER, "lines": {(188, None): 1}, "code": None,
                                "expected": (9900, 0, 9900), "outcome": "unknown", "cycle": cycle}
        sample = rng.sample(list(ledger.orders.values()), min(20, len(ledger.orders)))
    try:
        status, parsed, raw = client.create(token, body)
        ledger.count("requests")
        if status == 200 and parsed and parsed.get("code") == 0 and parsed["data"]["amount"] == 9900:
            data = parsed["data"]
            ledger.requests[tag]["outcome"] = "ack"
            with ledger.lock:
                ledger.orders[data["order_id"]] = {
                    "number": data["order_id"], "id": data["id"], "buyer": PROBE_BUYER, "token": token, "amount": 9900,
                    "origin_amount": 9900, "discount_amount": 0, "tag": tag, "cancel_tries": 0, "pay_tries": 0,
                    "cancel_ack": False, "pay_ack": None, "moved_deadline": False}
                ledger.figures["probe_acked"] += 1
            log(f"  probe order after restart: {data['order_id']} placed")
        else:
            violations.append(f"probe order after restart: HTTP {status} {raw[:300]}")
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
