-- Units sold per business day, SKU and location (a store's store_id, else 'online') from completed
-- orders, each order counted once (by order_id, else message id); lines need a well-formed SKU and
-- location id and a positive quantity (missing quantity counts 1). The forecasting job's input.
-- params: from date, to date
WITH
orders AS (
  SELECT message_id, coalesce(order_id, message_id) AS order_key, ts,
         row_number() OVER (PARTITION BY coalesce(order_id, message_id) ORDER BY ts, message_id) AS n
  FROM lake_events
  WHERE dt BETWEEN :from_prev_dt AND :to_next_dt AND day BETWEEN :from AND :to
    AND type = 'track' AND lower(event) = 'order completed'
),
lines AS (
  SELECT l.day, l.sku, CASE WHEN l.store_id IS NULL OR trim(l.store_id) = '' THEN 'online' ELSE l.store_id END AS location,
         l.quantity
  FROM lake_order_lines l JOIN orders o ON o.message_id = l.message_id AND o.n = 1
  WHERE l.dt BETWEEN :from_prev_dt AND :to_next_dt AND l.day BETWEEN :from AND :to
)
SELECT day, sku, location, sum(quantity) AS units
FROM lines
WHERE regexp_like(sku, '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$')
  AND regexp_like(location, '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$')
  AND quantity > 0
GROUP BY day, sku, location
ORDER BY day, sku, location
