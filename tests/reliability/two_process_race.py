#!/usr/bin/env python3
"""Two service processes on one SQLite file: stock, coupon and give-back races across processes.

The first process creates, migrates and seeds a fresh file; buyers, a single-use coupon code and small stocks
are then written straight into it, and a second process starts on the same file (another port). Then:

1. stock of a product without SKUs (192) and of a SKU (jacket SKU 6) set to S (default 25); N >> S distinct
   buyers (default 300, every other one on each process, all at once) each order 1 unit: exactly S succeed,
   every other gets insufficient_stock (R26) naming that product and SKU, stock ends at 0 and never below;
2. one public code usable once in total (max_uses 1), raced by M buyers (default 100) over both processes:
   exactly one redemption, one usage row, used_count 1, the others coupon_used_up (R40); then the winner's order
   is cancelled on both processes at once (one cancel wins, R63), the code is free again and the race is run
   once more: again exactly one;
3. give-back exactly once across processes (R27, R63, R65, R66): each order on product 192 is cancelled on
   both processes at once (exactly one cancel succeeds per order, stock back to S); each order on SKU 6 gets a
   cancel on one process and a payment confirmation on the other at once (exactly one wins; the SKU's stock
   comes back only for the cancels that won).
Every answer must be HTTP 200 (no 5xx, no 429) with an expected code; the file must pass the invariants of
reliability.check_database at the end. Prints the figures; exits 1 on a violation, 2 on a set-up failure.

    python3 tests/reliability/two_process_race.py [--configuration Debug|Release | --api-dll PATH] [--buyers 300] [--stock 25]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reliability as rel  # noqa: E402
from reliability import log  # noqa: E402

FIRST_BUYER = 400_001
RACE_CODE = "RACE-ONCE"
THREADS = 32


class Race:
    """Fires many calls at once from a pool of threads, one keep-alive connection per thread and port."""

    def __init__(self, ports):
        self.ports = ports
        self.local = threading.local()
        self.figures = Counter()
        self.lock = threading.Lock()
        self.violations = []

    def client(self, port):
        clients = getattr(self.local, "clients", None)
        if clients is None:
            clients = self.local.clients = {}
        if port not in clients:
            clients[port] = rel.Client(port, timeout=30)
        return clients[port]

    def run(self, calls):
        """calls: [(port, what, function(client) -> (status, parsed, raw))]. Returns the answers in order (None: none)."""
        gate = threading.Barrier(min(THREADS, len(calls)))

        def one(index_call):
            index, (port, what, function) = index_call
            if index < gate.parties:
                try:
                    gate.wait(10)  # the first wave leaves together
                except threading.BrokenBarrierError:
                    pass
            try:
                status, parsed, raw = function(self.client(port))
            except rel.TRANSPORT_ERRORS as error:
                self.violation(f"{what} on port {port}: no answer: {error!r}")
                return None
            with self.lock:
                self.figures["requests"] += 1
                if status >= 500:
                    self.figures["http_5xx"] += 1
            if status != 200 or not isinstance(parsed, dict) or "code" not in parsed:
                self.violation(f"{what} on port {port}: HTTP {status} {raw[:300]}")
                return None
            return parsed

        with ThreadPoolExecutor(THREADS) as pool:
            answers = list(pool.map(one, enumerate(calls)))
        return answers

    def violation(self, text):
        with self.lock:
            self.violations.append(text)
        log(f"    VIOLATION: {text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--configuration", default=None, help="Debug (default: what .ci/run builds) or Release")
    parser.add_argument("--api-dll", default=None, help="path of OrderPlatform.Api.dll (overrides --configuration)")
    parser.add_argument("--buyers", type=int, default=300, help="distinct buyers racing for the stock (default 300)")
    parser.add_argument("--stock", type=int, default=25, help="units of stock raced for (default 25)")
    parser.add_argument("--coupon-buyers", type=int, default=100, help="buyers racing for the single-use code (default 100)")
    parser.add_argument("--work", default=None, help="folder for the database and logs (default: a temp folder, removed on success)")
    args = parser.parse_args()
    rel.install_sigterm_handler()
    if not (0 < args.stock < args.buyers) or not (1 < args.coupon_buyers <= args.buyers):
        parser.error("need 0 < --stock < --buyers and 1 < --coupon-buyers <= --buyers")

    dll = rel.resolve_api_dll(args.configuration, args.api_dll)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="orderplatform-race."))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "orderplatform.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    secret, service_key = rel.random_secret(48), rel.random_secret(40)
    services = [rel.Service(name, dll, db_path, work / f"{name}.log", secret, service_key) for name in ("process-a", "process-b")]
    began = time.monotonic()
    log(f"two-process race: {dll.relative_to(rel.REPO) if dll.is_relative_to(rel.REPO) else dll}, work {work}")
    violations = []
    try:
        seconds = services[0].start()
        log(f"  process A created, migrated and seeded the file: healthy after {seconds:.1f}s (port {services[0].port})")
        conn = rel.connect(db_path)
        conn.execute("BEGIN IMMEDIATE")
        buyers = rel.add_buyers(conn, FIRST_BUYER, args.buyers)
        rel.add_coupon_codes(conn, 1, [RACE_CODE], max_uses=1)
        rel.set_stock(conn, 192, None, args.stock)
        rel.set_stock(conn, 2, 6, args.stock)
        conn.execute("COMMIT")
        base = rel.baseline(conn)
        code_id = rel.coupon_code_ids(conn)[RACE_CODE]
        seconds = services[1].start()
        log(f"  process B started on the same file: healthy after {seconds:.1f}s (port {services[1].port});"
            f" {args.buyers} buyers, stock {args.stock} for product 192 and SKU 6, code {RACE_CODE} usable once")
        tokens = {buyer: rel.issue_token(secret, buyer) for buyer in buyers}
        ports = [s.port for s in services]
        race = Race(ports)

        # Warm-up, so that neither process is still compiling its create path when the race starts: the seed's
        # buyer 1000 (not one of the racers) places a few orders of product 188 on each.
        warm_token = rel.issue_token(secret, 1000)
        answers = race.run([(ports[i % 2], "warm-up create", (lambda c: c.create(warm_token, {"goods_id": 188, "remark": "warm-up"})))
                            for i in range(16)])
        if sum(1 for a in answers if a and a["code"] == 0) != 16:
            raise RuntimeError(f"warm-up orders were refused: {[a for a in answers if not a or a['code'] != 0][:3]}")

        # 1. Stock: a product without SKUs, then a SKU.
        winners = {}
        for label, goods_id, sku_id, body in (
                ("product 192", 192, None, lambda b: {"goods_id": 192, "quantity": 1, "remark": f"race 192 {b}"}),
                ("SKU 6", 2, 6, lambda b: {"details": [{"goods_id": 2, "goods_sku_id": 6, "quantity": 1}], "remark": f"race sku6 {b}"})):
            started = time.monotonic()
            calls = [(ports[i % 2], f"create {label} for {buyer}",
                      (lambda c, buyer=buyer: c.create(tokens[buyer], body(buyer)))) for i, buyer in enumerate(buyers)]
            answers = race.run(calls)
            elapsed = time.monotonic() - started
            won = [(buyer, a["data"]) for buyer, a in zip(buyers, answers) if a and a["code"] == 0]
            refused = Counter(rel.error_of(a) for a in answers if a and a["code"] != 0)
            per_process = Counter(ports.index(call[0]) for call, a in zip(calls, answers) if a and a["code"] == 0)
            wrong = [a for a in answers if a and a["code"] != 0 and not (
                rel.error_of(a) == "insufficient_stock" and a["data"].get("goods_id") == goods_id
                and a["data"].get("sku_id") in ((None, 0) if sku_id is None else (sku_id,)))]  # 0: no SKU
            stock = stock_of(db_path, goods_id, sku_id)
            written = orders_with_remark(db_path, body(0)["remark"][:-1])
            log(f"stock race, {label}: {len(calls)} buyers in {elapsed:.2f}s: {len(won)} orders"
                f" (process A {per_process[0]}, B {per_process[1]}), refusals {dict(refused)}, stock now {stock},"
                f" {written} orders in the file")
            if len(won) != args.stock:
                race.violation(f"{label}: {len(won)} orders succeeded for a stock of {args.stock}")
            for a in wrong[:5]:
                race.violation(f"{label}: unexpected refusal {a}")
            if written != len(won):
                race.violation(f"{label}: {written} orders in the file, {len(won)} acknowledged")
            if stock != 0:
                race.violation(f"{label}: stock ends at {stock}, not 0")
            winners[label] = won

        # 2. A code usable once, raced over both processes, twice (the second time after its use was given back).
        racers = buyers[:args.coupon_buyers]
        coupon_orders = []
        for attempt in (1, 2):
            started = time.monotonic()
            calls = [(ports[i % 2], f"create with {RACE_CODE} for {buyer}",
                      (lambda c, buyer=buyer: c.create(tokens[buyer], {"goods_id": 188, "coupon_code": RACE_CODE,
                                                                       "remark": f"race code {attempt} {buyer}"})))
                     for i, buyer in enumerate(racers)]
            answers = race.run(calls)
            won = [(buyer, a["data"]) for buyer, a in zip(racers, answers) if a and a["code"] == 0]
            refused = Counter(rel.error_of(a) for a in answers if a and a["code"] != 0)
            used, usage_rows, carrying = coupon_state(db_path, code_id)
            log(f"coupon race {attempt}: {len(calls)} buyers in {time.monotonic() - started:.2f}s: {len(won)} redemption(s),"
                f" refusals {dict(refused)}; used_count {used}, usage rows {usage_rows}, orders carrying it (not cancelled) {carrying}")
            if len(won) != 1 or (used, usage_rows, carrying) != (1, 1, 1):
                race.violation(f"coupon race {attempt}: {len(won)} redemptions, used_count {used}, usage rows {usage_rows},"
                               f" orders {carrying}")
            if set(refused) - {"coupon_used_up"}:
                race.violation(f"coupon race {attempt}: refusals other than coupon_used_up: {dict(refused)}")
            if won and won[0][1]["discount_amount"] != 2000:
                race.violation(f"coupon race {attempt}: discount {won[0][1]['discount_amount']}, expected 2000")
            coupon_orders += won
            if attempt == 1 and won:
                buyer, order = won[0]
                answers = race.run([(port, f"cancel {order['order_id']}",
                                     (lambda c: c.cancel(tokens[buyer], order["order_id"]))) for port in ports])
                outcome = sorted("ok" if a["code"] == 0 else rel.error_of(a) for a in answers if a)
                used, usage_rows, carrying = coupon_state(db_path, code_id)
                log(f"  the winner's order cancelled on both processes at once: {outcome}; used_count {used}, usage rows {usage_rows}")
                if outcome != ["ok", "order_not_cancellable"] or (used, usage_rows, carrying) != (0, 0, 0):
                    race.violation(f"double cancel of the coupon order: {outcome}, used_count {used}, usage rows {usage_rows}")

        # 3. Give-back exactly once: cancel + cancel (product 192), cancel + payment (SKU 6), each pair at once.
        calls = []
        for buyer, order in winners["product 192"]:
            for port in ports:
                calls.append((port, f"cancel {order['order_id']}", (lambda c, b=buyer, o=order: c.cancel(tokens[b], o["order_id"]))))
        for i, (buyer, order) in enumerate(winners["SKU 6"]):
            cancel_port, pay_port = (ports[0], ports[1]) if i % 2 == 0 else (ports[1], ports[0])
            calls.append((cancel_port, f"cancel {order['order_id']}", (lambda c, b=buyer, o=order: c.cancel(tokens[b], o["order_id"]))))
            calls.append((pay_port, f"pay {order['order_id']}",
                          (lambda c, o=order: c.pay(service_key, o["order_id"], f"pay-{o['order_id']}", o["amount"]))))
        started = time.monotonic()
        answers = race.run(calls)
        pairs = Counter()
        sku_cancel_wins = 0
        for k in range(0, len(calls), 2):
            first, second = answers[k], answers[k + 1]
            kinds = tuple(sorted(
                (call[1].split()[0] + (":ok" if a["code"] == 0 else f":{rel.error_of(a)}")) if a else "none"
                for call, a in ((calls[k], first), (calls[k + 1], second))))
            pairs[kinds] += 1
            if sum(1 for a in (first, second) if a and a["code"] == 0) != 1:
                race.violation(f"{calls[k][1]} / {calls[k + 1][1]}: {first} / {second}")
            if calls[k][1].startswith("cancel") and k >= 2 * len(winners["product 192"]) and first and first["code"] == 0:
                sku_cancel_wins += 1
        log(f"give-back race: {len(calls)} calls in pairs at once in {time.monotonic() - started:.2f}s: {dict(pairs)}")
        expected_pairs = {("cancel:ok", "cancel:order_not_cancellable"), ("cancel:ok", "pay:order_closed"),
                          ("cancel:order_not_cancellable", "pay:ok")}
        for kinds in set(pairs) - expected_pairs:
            race.violation(f"give-back race: unexpected pair {kinds}")
        product_stock, sku_stock = stock_of(db_path, 192, None), stock_of(db_path, 2, 6)
        log(f"  stock after the give-backs: product 192 {product_stock} (expected {args.stock}), SKU 6 {sku_stock}"
            f" (expected {sku_cancel_wins}, the cancels that won)")
        if product_stock != args.stock or sku_stock != sku_cancel_wins:
            race.violation(f"give-back: product 192 stock {product_stock}, SKU 6 stock {sku_stock}")

        conn = rel.connect(db_path)
        try:
            file_violations = rel.check_database(conn, base)
            orders = conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
        finally:
            conn.close()
        log(f"  check of the file with both processes up: {orders} orders, {len(file_violations)} violations")
        for text in file_violations[:25]:
            log(f"    VIOLATION: {text}")
        for service in services:
            service.stop()
        errors = [line for service in services for line in service.log_errors()]
        if errors:
            file_violations.append(f"the services logged {len(errors)} error lines")
            for line in errors[:10]:
                log(f"    LOG: {line}")
        violations = race.violations + file_violations
        figures = race.figures
    except (RuntimeError, OSError) as error:
        log(f"SET-UP FAILURE: {error}")
        log(f"work folder kept: {work}")
        return 2
    finally:
        for service in services:
            service.stop()

    log("")
    log(f"two-process race figures ({time.monotonic() - began:.1f}s in all): {figures['requests']} requests answered,"
        f" HTTP 5xx: {figures['http_5xx']}, violations: {len(violations)}")
    if violations:
        log(f"TWO-PROCESS RACE FAILED; work folder kept: {work}")
        return 1
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    log("TWO-PROCESS RACE PASSED")
    return 0


def stock_of(db_path, goods_id, sku_id):
    conn = rel.connect(db_path)
    try:
        if sku_id is None:
            return conn.execute("SELECT stock FROM products WHERE id = ?", (goods_id,)).fetchone()[0]
        return conn.execute("SELECT stock FROM product_skus WHERE id = ?", (sku_id,)).fetchone()[0]
    finally:
        conn.close()


def orders_with_remark(db_path, prefix):
    conn = rel.connect(db_path)
    try:
        return conn.execute("SELECT COUNT(*) FROM orders WHERE substr(remark, 1, ?) = ?", (len(prefix), prefix)).fetchone()[0]
    finally:
        conn.close()


def coupon_state(db_path, code_id):
    """used_count, usage rows, and orders carrying the code that are not cancelled, read in one transaction."""
    conn = rel.connect(db_path)
    try:
        conn.execute("BEGIN")
        used = conn.execute("SELECT used_count FROM coupon_codes WHERE id = ?", (code_id,)).fetchone()[0]
        rows = conn.execute("SELECT COUNT(*) FROM coupon_usages WHERE coupon_code_id = ?", (code_id,)).fetchone()[0]
        carrying = conn.execute("SELECT COUNT(*) FROM orders WHERE coupon_code_id = ? AND status <> -1", (code_id,)).fetchone()[0]
        conn.execute("COMMIT")
        return used, rows, carrying
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
