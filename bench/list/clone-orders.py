"""Clones a buyer's first order (and its lines) COUNT times under new ids and order numbers: a long order history in seconds.

Usage: clone-orders.py DATABASE USER_ID COUNT. The database triggers count the clones in buyer_order_counts.
"""
import sqlite3, sys
db, user, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = sqlite3.connect(db)
cols = [r[1] for r in c.execute("pragma table_info(orders)")]
src = c.execute("select id from orders where user_id=? order by id limit 1", (user,)).fetchone()[0]
next_id = c.execute("select next_value from id_counters where name='orders'").fetchone()[0]
line_cols = [r[1] for r in c.execute("pragma table_info(order_details)") if r[1] != 'id']
others = [x for x in cols if x not in ('id', 'order_id')]
c.execute("begin")
for i in range(count):
    oid = next_id + i
    c.execute(f"insert into orders (id, order_id, {','.join(others)}) select ?, ?, {','.join(others)} from orders where id=?", (oid, str(10**17 + oid), src))
    lc = [x if x != 'order_id' else '?' for x in line_cols]
    c.execute(f"insert into order_details ({','.join(line_cols)}) select {','.join(lc)} from order_details where order_id=?", (oid, src))
c.execute("update id_counters set next_value=? where name='orders'", (next_id + count,))
c.commit()
orders = c.execute("select count(*) from orders where user_id=?", (user,)).fetchone()[0]
counted = c.execute("select sum(orders) from buyer_order_counts where user_id=?", (user,)).fetchone()[0]
print(f"user {user}: {orders} orders, {counted} counted")
