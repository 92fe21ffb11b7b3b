"""Shared pieces of the reliability tests (crash_test.py, two_process_race.py).

Standard library only. Runs the built service (src/Api/bin/<Configuration>/net10.0/OrderPlatform.Api.dll)
directly with `dotnet <dll>`, so the process id we hold is the server itself, on 127.0.0.1 only, on a
SQLite file of our own; prepares data straight in that file as bench/OrderPlatform.Bench/Prepare does;
issues buyer tokens the way the service reads them (src/Infrastructure/Auth/AnqiTokenService.cs:
HS256 over "<Auth:TokenSecret>-user-token", userId and t as strings); and checks the file against the
contract's invariants (docs/contract.md R26, R33, R34, R39, R40, R52, R55, R62, R63, R66).
"""

from __future__ import annotations

import base64
import ctypes
import hashlib
import hmac
import http.client
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# The seed's catalogue (src/Infrastructure/Seeding/DemoDataSeeder.cs): (goods_id, sku_id or None) -> unit price.
PRICES = {
    (188, None): 9900,
    (189, None): 1990,
    (192, None): 3000,
    (1, 1): 4900,
    (1, 2): 5900,
    (2, 3): 12900,
    (2, 4): 13900,
    (2, 5): 9900,
    (2, 6): 10900,
}
# The option values of each SKU, for choosing a SKU by sku_values (R22).
SKU_VALUES = {1: [156], 2: [157], 3: [153, 158], 4: [153, 159], 5: [154, 158], 6: [154, 159]}
SELLER_PERCENT = 80  # Orders:SellerPercent default (R50)
AUTO_CLOSE_SECONDS = 30 * 60  # Orders:AutoCloseMinutes default (R53)
CHINA_OFFSET = 8 * 3600  # Asia/Shanghai, no daylight saving (R52)


def log(*parts):
    print(*parts, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# The service process


def default_api_dll(configuration: str) -> Path:
    return REPO / "src" / "Api" / "bin" / configuration / "net10.0" / "OrderPlatform.Api.dll"


def resolve_api_dll(configuration: str | None, api_dll: str | None) -> Path:
    """--api-dll wins; else --configuration (default Debug, what .ci/run's `dotnet build OrderPlatform.sln` makes)."""
    path = Path(api_dll).resolve() if api_dll else default_api_dll(configuration or "Debug")
    if not path.is_file():
        raise SystemExit(f"{path} does not exist: build first (dotnet build OrderPlatform.sln, or -c Release with --configuration Release)")
    return path


def free_port() -> int:
    for _ in range(200):
        port = 20000 + secrets.randbelow(20000)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port found")


def _die_with_parent():
    """Runs in the child before exec: the service is SIGKILLed if this test process dies, so nothing is left behind."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def random_secret(length: int = 48) -> str:
    return secrets.token_urlsafe(length)[:length]


class Service:
    """One service process on one SQLite file, listening on 127.0.0.1:<port>."""

    def __init__(self, name, dll: Path, db: Path, log_path: Path, secret: str, service_key: str, extra_env=None):
        self.name = name
        self.dll = dll
        self.db = db
        self.log_path = log_path
        self.secret = secret
        self.service_key = service_key
        self.extra_env = dict(extra_env or {})
        self.port = None
        self.process = None
        self.starts = 0

    def environment(self):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("ASPNETCORE_", "DOTNET_ENVIRONMENT", "ConnectionStrings__", "Orders__", "Internal__",
                                    "RateLimits__", "Auth__", "Seed__", "Database__", "Serilog__", "Api__", "Retailer__"))}
        env.update({
            "ASPNETCORE_ENVIRONMENT": "Production",  # no appsettings.Development.json: every secret and key is this run's own
            "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
            "DOTNET_NOLOGO": "1",
            "ConnectionStrings__OrderPlatform": f"Data Source={self.db}",
            "Auth__TokenSecret": self.secret,
            "Internal__ServiceKeys__0": self.service_key,  # 32+ bytes, so /internal/order/paid is mapped (R65)
            "Seed__Demo": "true",
            "RateLimits__CreateOrderPerMinute": "1000000",  # R56 stays on but never refuses our buyers
            "Serilog__MinimumLevel__Default": "Warning",  # errors and 5xx request lines still logged
        })
        env.update(self.extra_env)
        return env

    def start(self, port=None, timeout=60.0):
        self.port = port or free_port()
        self.starts += 1
        logfile = open(self.log_path, "ab")
        logfile.write(f"\n===== start {self.starts} of {self.name} on port {self.port} =====\n".encode())
        logfile.flush()
        started = time.monotonic()
        # Run from the output folder so its appsettings.json applies (as bench/run.sh does); no shell, no wrapper:
        # the pid is the server's.
        self.process = subprocess.Popen(
            ["dotnet", str(self.dll), "--urls", f"http://127.0.0.1:{self.port}"],
            cwd=str(self.dll.parent), env=self.environment(), stdin=subprocess.DEVNULL,
            stdout=logfile, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        logfile.close()
        deadline = started + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode} during start; log:\n{self.log_tail()}")
            status, body = health(self.port)
            if status == 200 and body.strip() == "Healthy":
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} not healthy after {timeout:.0f}s (last: {status} {body!r}); log:\n{self.log_tail()}")
            time.sleep(0.1)
        self.check_listener_is_process()
        return time.monotonic() - started

    def check_listener_is_process(self):
        """The socket listening on our port belongs to self.process: the SIGKILL will hit the server, not a wrapper."""
        inodes = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                with open(table) as f:
                    next(f)
                    for line in f:
                        fields = line.split()
                        local, state, inode = fields[1], fields[3], fields[9]
                        if state == "0A" and int(local.rsplit(":", 1)[1], 16) == self.port:
                            inodes.add(inode)
            except FileNotFoundError:
                continue
        fd_dir = Path(f"/proc/{self.process.pid}/fd")
        owned = set()
        for fd in fd_dir.iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                owned.add(target[8:-1])
        if not inodes & owned:
            raise RuntimeError(f"{self.name}: the listener on port {self.port} is not process {self.process.pid}")

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None

    def stop(self, timeout=20.0):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def log_errors(self):
        """Log lines at error level or above ([.. ERR] / [.. FTL] in the Serilog console format)."""
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return []
        return [line for line in text if " ERR]" in line or " FTL]" in line]


def health(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/health")
        response = conn.getresponse()
        body = response.read().decode(errors="replace")
        conn.close()
        return response.status, body
    except (OSError, http.client.HTTPException) as error:
        return None, str(error)


# ---------------------------------------------------------------------------------------------------------------
# Tokens and HTTP


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def issue_token(secret: str, user_id: int, hours: int = 24) -> str:
    """An AnQiCMS token (R8), as `issue-token --user-id N` prints it: HS256 over '<secret>-user-token'."""
    header = _b64url(b'{"alg":"HS256","typ":"JWT"}')
    payload = _b64url(json.dumps({"userId": str(user_id), "t": str(int(time.time()) + hours * 3600)},
                                 separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}"
    signature = hmac.new(f"{secret}-user-token".encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64url(signature)}"


TRANSPORT_ERRORS = (OSError, http.client.HTTPException)
CREATE_PATH = "/api/order/create"
IDEMPOTENCY_HEADER = "Idempotency-Key"  # R55


def encode_body(body) -> bytes:
    """A request body's bytes, as Client.call sends them."""
    return json.dumps(body, ensure_ascii=False).encode()


def idempotency_fingerprint(data: bytes) -> str:
    """R55's fingerprint of a create: SHA-256 of its route and its raw body bytes (src/Api/Requests/IdempotencyKeyHeader.cs)."""
    return hashlib.sha256(f"POST {CREATE_PATH}\n".encode("ascii") + data).hexdigest()


class Client:
    """One keep-alive connection to one service; reconnects after any transport error."""

    def __init__(self, port, timeout=20.0):
        self.port = port
        self.timeout = timeout
        self.conn = None

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None

    def open(self):
        """Connects now rather than at the first request; a refused connection is left for that request to meet."""
        self.close()
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.conn.connect()
        except TRANSPORT_ERRORS:
            self.close()

    def call(self, method, path, body=None, headers=None):
        """Returns (HTTP status, parsed JSON or None, raw text). Raises a TRANSPORT_ERRORS member when no answer came."""
        status, parsed, raw, _ = self.exchange(method, path, None if body is None else encode_body(body), headers)
        return status, parsed, raw

    def exchange(self, method, path, data=None, headers=None):
        """Sends data (bytes, as they are, JSON) and returns (HTTP status, parsed JSON or None, raw text, the response's
        headers as a {lower-case name: value} dict). Raises a TRANSPORT_ERRORS member when no answer came."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        sent_headers = dict(headers or {})
        if data is not None:
            sent_headers["Content-Type"] = "application/json"
        try:
            self.conn.request(method, path, body=data, headers=sent_headers)
            response = self.conn.getresponse()
            raw = response.read().decode(errors="replace")
            received = {name.lower(): value for name, value in response.getheaders()}
            if received.get("connection", "").lower() == "close":
                self.close()
        except TRANSPORT_ERRORS:
            self.close()
            raise
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return response.status, parsed, raw, received

    def create(self, token, body):
        return self.call("POST", "/api/order/create", body, {"token": token})

    def create_keyed(self, token, data: bytes, key: str):
        """A create with an Idempotency-Key (R55), its body as these exact bytes (a retry must send the same bytes).
        Returns (status, parsed, raw, replayed): replayed is True when the answer carries Idempotent-Replayed: true."""
        status, parsed, raw, received = self.exchange("POST", CREATE_PATH, data, {"token": token, IDEMPOTENCY_HEADER: key})
        return status, parsed, raw, received.get("idempotent-replayed", "").lower() == "true"

    def cancel(self, token, number):
        return self.call("POST", "/api/order/cancel", {"order_id": number}, {"token": token})

    def pay(self, service_key, number, payment_id, amount):
        return self.call("POST", "/internal/order/paid", {"order_id": number, "payment_id": payment_id, "amount": amount},
                         {"X-Service-Key": service_key})

    def detail(self, token, number):
        return self.call("GET", f"/api/order/detail?order_id={number}", None, {"token": token})


def error_of(parsed):
    """data.error of a refusal envelope (R2), or None."""
    if isinstance(parsed, dict) and isinstance(parsed.get("data"), dict):
        return parsed["data"].get("error")
    return None


# ---------------------------------------------------------------------------------------------------------------
# The database file


def connect(path) -> sqlite3.Connection:
    """A connection set up like the service's own (src/Infrastructure/Persistence/SqlitePragmas.cs); autocommit."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=15)
    conn.execute("PRAGMA busy_timeout=15000")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def add_buyers(conn, first_id, count):
    """Active buyers in the member group, no parent, not retailers: no referral discount, no promoter earnings."""
    conn.executemany(
        "INSERT INTO users (id, user_name, status, group_id, parent_id, is_retailer) VALUES (?, ?, 1, 1, 0, 0)",
        [(user_id, f"reliability-{user_id}") for user_id in range(first_id, first_id + count)])
    return list(range(first_id, first_id + count))


def add_coupon_codes(conn, coupon_id, codes, max_uses=1):
    """Public codes (user_id 0) of one coupon, each usable max_uses times in total (the bench's single-use codes)."""
    now = int(time.time())
    conn.executemany(
        "INSERT INTO coupon_codes (coupon_id, code, user_id, max_uses, used_count, get_time) VALUES (?, ?, 0, ?, 0, ?)",
        [(coupon_id, code, max_uses, now) for code in codes])


def coupon_code_ids(conn):
    """Every coupon code's id by its code."""
    return dict(conn.execute("SELECT code, id FROM coupon_codes").fetchall())


def set_stock(conn, goods_id, sku_id, stock):
    if sku_id is None:
        updated = conn.execute("UPDATE products SET stock = ? WHERE id = ?", (stock, goods_id)).rowcount
    else:
        updated = conn.execute("UPDATE product_skus SET stock = ? WHERE id = ? AND product_id = ?", (stock, sku_id, goods_id)).rowcount
    if updated != 1:
        raise RuntimeError(f"no stock row for goods {goods_id} sku {sku_id}: was the file seeded (Seed__Demo=true)?")


def migration_lock_rows(db_path):
    """Rows of EF Core's migration lock table (__EFMigrationsLock): a row left there makes every later start wait."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=5)
        try:
            return conn.execute("SELECT * FROM __EFMigrationsLock").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []  # no such table yet: nothing held


def baseline(conn):
    """What the invariants are measured from: every product's and SKU's stock and every coupon code's used count."""
    return {
        "products": dict(conn.execute("SELECT id, stock FROM products").fetchall()),
        "skus": dict(conn.execute("SELECT id, stock FROM product_skus").fetchall()),
        "used": dict(conn.execute("SELECT id, used_count FROM coupon_codes").fetchall()),
        "orders": conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0],
    }


def expected_amounts(lines, coupon):
    """origin_amount, discount_amount and amount of an order of our buyers (R32-R34, R39), from the seed's prices.

    lines: merged {(goods_id, sku_id): quantity}; coupon: None, ('fixed', money, scope or None) or
    ('percent', percent, cap, scope or None). Returns None when the coupon would not apply.
    """
    total = sum(PRICES[key] * quantity for key, quantity in lines.items())
    if coupon is None:
        return total, 0, total
    scope = coupon[-1]
    eligible = sum(PRICES[key] * quantity for key, quantity in lines.items() if scope is None or key[0] in scope)
    if eligible <= 0:
        return None
    if coupon[0] == "fixed":
        discount = min(coupon[1], eligible)
    else:
        discount = eligible * coupon[1] // 100
        if coupon[2] > 0:
            discount = min(discount, coupon[2])
    return total, discount, max(0, total - discount)


def check_database(conn, base, moved_deadlines=()):
    """The contract's invariants over the whole file, in one read transaction. Returns a list of violations.

    - PRAGMA integrity_check is ok, PRAGMA foreign_key_check is empty;
    - every order: at least one line; each line amount = price x quantity and origin amount = origin price x
      quantity, at the catalogue's price (R24, R33); order origin_amount = sum of origin amounts, discount_amount
      = sum of the lines' parts (R39), amount = max(0, goods total - discount) (R34), seller_amount per R50;
      order number: 18 digits, creation time in China time then the id's last four digits (R52); end_time =
      created_time + 30 min (R53) unless the test moved it (moved_deadlines: order ids); status in (-1, 0, 1) with paid_time/payment_id set exactly when paid;
    - stock (R66): baseline - now = quantities of lines of orders not cancelled/closed, per product and per SKU,
      and never negative;
    - coupon codes (R40, R66): used_count - baseline = usage rows = orders carrying the code not cancelled; each
      usage row names such an order of the same buyer; used_count <= max_uses;
    - buyer_order_counts (R62) equals the orders counted by buyer and status;
    - idempotency keys (R55): every row names an existing order of the same user, with that order's answer, and no
      order has two keys.
    """
    violations = []
    conn.execute("BEGIN")
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            violations.append(f"integrity_check: {integrity[:5]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            violations.append(f"foreign_key_check: {fk[:5]}")

        orders = conn.execute(
            "SELECT id, order_id, user_id, status, amount, origin_amount, discount_amount, coupon_code_id, coupon_id,"
            " created_time, end_time, paid_time, payment_id, seller_id, seller_amount, seller_percent, share_amount,"
            " share_parent_amount, type FROM orders").fetchall()
        lines_by_order = {}
        for row in conn.execute(
                "SELECT order_id, goods_id, sku_id, quantity, price, origin_price, amount, origin_amount, discount_amount"
                " FROM order_details"):
            lines_by_order.setdefault(row[0], []).append(row[1:])

        held_products, held_skus, held_codes = {}, {}, {}
        for (oid, number, user_id, status, amount, origin, discount, code_id, coupon_id, created, end_time, paid_time,
             payment_id, seller_id, seller_amount, seller_percent, share, share_parent, order_type) in orders:
            lines = lines_by_order.get(oid, [])
            tag = f"order {oid} ({number})"
            if not lines:
                violations.append(f"{tag}: no lines")
            if status not in (-1, 0, 1):
                violations.append(f"{tag}: status {status}")
            sum_origin = sum_amount = sum_discount = 0
            for goods_id, sku_id, quantity, price, origin_price, line_amount, line_origin, line_discount in lines:
                catalogue = PRICES.get((goods_id, sku_id))
                if quantity <= 0 or line_amount != price * quantity or line_origin != origin_price * quantity:
                    violations.append(f"{tag}: line {goods_id}/{sku_id} x{quantity} price {price} amount {line_amount}"
                                      f" origin {origin_price}/{line_origin}")
                if catalogue is not None and origin_price != catalogue:
                    violations.append(f"{tag}: line {goods_id}/{sku_id} origin price {origin_price}, catalogue {catalogue}")
                if price != origin_price:  # our buyers have no parent: no referral discount (R32)
                    violations.append(f"{tag}: line {goods_id}/{sku_id} price {price} differs from origin price {origin_price}")
                if line_discount < 0 or line_discount > line_amount:
                    violations.append(f"{tag}: line {goods_id}/{sku_id} discount {line_discount} of {line_amount}")
                sum_origin += line_origin
                sum_amount += line_amount
                sum_discount += line_discount
                if status != -1 and order_type == "goods":
                    if sku_id is None:
                        held_products[goods_id] = held_products.get(goods_id, 0) + quantity
                    else:
                        held_skus[sku_id] = held_skus.get(sku_id, 0) + quantity
            if lines and (origin != sum_origin or discount != sum_discount or amount != max(0, sum_amount - discount)):
                violations.append(f"{tag}: origin_amount {origin} amount {amount} discount {discount}; lines give origin"
                                  f" {sum_origin}, goods {sum_amount}, discount parts {sum_discount}")
            if seller_id > 0 and seller_amount != (amount - share - share_parent) * seller_percent // 100:
                violations.append(f"{tag}: seller_amount {seller_amount} for amount {amount} at {seller_percent}%")
            if (code_id is None) != (coupon_id is None) or (code_id is None and discount != 0):
                violations.append(f"{tag}: coupon_code_id {code_id} coupon_id {coupon_id} discount {discount}")
            china = time.strftime("%Y%m%d%H%M%S", time.gmtime(created + CHINA_OFFSET))
            if not (len(number) == 18 and number.isdigit() and number.endswith(f"{oid % 10000:04d}") and number[:14] == china):
                violations.append(f"{tag}: order number does not match R52 (created {created} = {china} China time)")
            if oid not in moved_deadlines and end_time != created + AUTO_CLOSE_SECONDS:
                violations.append(f"{tag}: end_time {end_time} for created_time {created}")
            if status == 1 and not (paid_time and payment_id):
                violations.append(f"{tag}: paid without paid_time/payment_id ({paid_time}, {payment_id!r})")
            if status in (0, -1) and (paid_time or payment_id):
                violations.append(f"{tag}: status {status} with paid_time {paid_time} payment_id {payment_id!r}")
            if code_id is not None:
                if status != -1:
                    held_codes[code_id] = held_codes.get(code_id, 0) + 1

        for pid, stock in conn.execute("SELECT id, stock FROM products").fetchall():
            given = base["products"].get(pid)
            if stock < 0:
                violations.append(f"product {pid}: stock {stock} below 0")
            if given is not None and given - stock != held_products.get(pid, 0):
                violations.append(f"product {pid}: stock {given} -> {stock} (taken {given - stock}) but orders not"
                                  f" cancelled hold {held_products.get(pid, 0)}")
        for sid, stock in conn.execute("SELECT id, stock FROM product_skus").fetchall():
            given = base["skus"].get(sid)
            if stock < 0:
                violations.append(f"sku {sid}: stock {stock} below 0")
            if given is not None and given - stock != held_skus.get(sid, 0):
                violations.append(f"sku {sid}: stock {given} -> {stock} (taken {given - stock}) but orders not"
                                  f" cancelled hold {held_skus.get(sid, 0)}")

        usages = {}
        order_by_id = {row[0]: row for row in orders}
        for uid, code_id, user_id, order_id in conn.execute("SELECT id, coupon_code_id, user_id, order_id FROM coupon_usages"):
            usages[code_id] = usages.get(code_id, 0) + 1
            order = order_by_id.get(order_id)
            if order is None or order[7] != code_id or order[3] == -1 or order[2] != user_id:
                violations.append(f"coupon usage {uid} (code {code_id}, user {user_id}) names order {order_id}"
                                  f" {'missing' if order is None else f'with code {order[7]}, status {order[3]}, buyer {order[2]}'}")
        for code_id, code, used, max_uses in conn.execute("SELECT id, code, used_count, max_uses FROM coupon_codes"):
            taken = used - base["used"].get(code_id, 0)
            if used > max_uses or taken != usages.get(code_id, 0) or taken != held_codes.get(code_id, 0):
                violations.append(f"coupon code {code_id} {code}: used_count {used} (baseline {base['used'].get(code_id, 0)},"
                                  f" max {max_uses}), usage rows {usages.get(code_id, 0)}, orders not cancelled"
                                  f" {held_codes.get(code_id, 0)}")

        counted = {}
        for _, _, user_id, status, *_ in orders:
            counted[(user_id, status)] = counted.get((user_id, status), 0) + 1
        kept = {(u, s): n for u, s, n in conn.execute("SELECT user_id, status, orders FROM buyer_order_counts")}
        for key in set(counted) | set(kept):
            if counted.get(key, 0) != kept.get(key, 0):
                violations.append(f"buyer_order_counts {key}: {kept.get(key, 0)}, orders {counted.get(key, 0)}")

        violations += check_idempotency_rows(idempotency_rows(conn), order_by_id)
    finally:
        conn.execute("COMMIT")
    return violations


def idempotency_rows(conn):
    """The rows of idempotency_keys (R55) as (user_id, key, fingerprint, order id, answer JSON, created_time); none
    when the file has no such table (a build from before R55)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'idempotency_keys'").fetchone():
        return []
    return conn.execute(
        "SELECT user_id, idempotency_key, fingerprint, order_id, answer, created_time FROM idempotency_keys").fetchall()


def answer_field(answer, name):
    """A member of a stored answer (the order's DTO as JSON), whatever the case of its name: OrderId, orderId, order_id."""
    wanted = name.replace("_", "").lower()
    for key, value in answer.items():
        if key.replace("_", "").lower() == wanted:
            return value
    return None


def check_idempotency_rows(rows, order_by_id):
    """R55: every key row names an existing order of the same user, at most one key per order, and its stored answer
    is that order's (its id, number and buyer). order_by_id: id -> (id, order_id, user_id, ...) as in check_database."""
    violations = []
    keys_of_order = {}
    for user_id, key, fingerprint, order_id, answer, created in rows:
        name = f"idempotency key {key!r} of user {user_id}"
        order = order_by_id.get(order_id)
        if order is None:
            violations.append(f"{name}: names order id {order_id}, which is not in the file")
            continue
        if order[2] != user_id:
            violations.append(f"{name}: names order {order[1]} of user {order[2]}")
        keys_of_order.setdefault(order_id, []).append(key)
        if not (isinstance(fingerprint, str) and len(fingerprint) == 64):
            violations.append(f"{name}: fingerprint {fingerprint!r}")
        try:
            stored = json.loads(answer)
        except (TypeError, ValueError):
            violations.append(f"{name}: stored answer is not JSON: {str(answer)[:100]!r}")
            continue
        if not isinstance(stored, dict) or (answer_field(stored, "id"), answer_field(stored, "order_id"),
                                            answer_field(stored, "user_id")) != (order[0], order[1], user_id):
            violations.append(f"{name}: stored answer {str(answer)[:200]} is not order {order[0]} ({order[1]}) of user {user_id}")
    for order_id, keys in keys_of_order.items():
        if len(keys) > 1:
            violations.append(f"order id {order_id}: {len(keys)} idempotency keys {keys}")
    return violations


def install_sigterm_handler():
    """SIGTERM (CI's timeout) runs the finally blocks, so our service processes are stopped."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
