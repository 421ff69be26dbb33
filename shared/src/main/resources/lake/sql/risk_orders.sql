-- Every order (with an order_id) of the sampled people since a day as it looked at ingestion, the
-- order-risk model's inputs (OrderRiskInput): total, currency, units (each line's quantity, at least
-- 1; at least one per product named), time, the person's first event in the window, their orders
-- in the 24 hours before and all their earlier orders, payment failures, IP, billing and shipping
-- countries (an order's lines are those of its message id, else of its person and moment). Labels (fraud or not) are joined by the trainer from labels/orders/.
-- Sample: people whose sample_key (first 8 hex digits of MD5(profile_id)) is <= :sample.
-- params: since date, sample string
WITH
people AS (
  SELECT profile_id, min(ts) AS first_seen
  FROM lake_events
  WHERE dt > :since_prev_dt AND sample_key <= :sample
  GROUP BY profile_id
),
orders AS (
  SELECT coalesce(message_id, profile_id || '@' || CAST(ts_ms AS varchar)) AS order_key, profile_id, order_id, channel, order_total, currency, ts, sku, payment_failures,
         ip_country, billing_country, shipping_country,
         count(*) OVER (PARTITION BY profile_id ORDER BY ts_ms, message_id
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_orders,
         count(*) OVER (PARTITION BY profile_id ORDER BY ts_ms
                        RANGE BETWEEN 86399999 PRECEDING AND CURRENT ROW) - 1 AS orders_24h
  FROM lake_events
  WHERE dt > :since_prev_dt AND sample_key <= :sample AND type = 'track' AND lower(event) = 'order completed'
),
lines AS (
  SELECT coalesce(message_id, profile_id || '@' || CAST(ts_ms AS varchar)) AS order_key, sum(CASE WHEN quantity >= 1 THEN floor(quantity) ELSE 1 END) AS units, count(sku) AS skus
  FROM lake_order_lines
  WHERE dt > :since_prev_dt AND sample_key <= :sample
  GROUP BY coalesce(message_id, profile_id || '@' || CAST(ts_ms AS varchar))
)
SELECT o.order_id, o.profile_id, o.channel, o.order_total, o.currency,
       CAST(greatest(coalesce(l.units, 0), coalesce(l.skus, 0) + CASE WHEN o.sku IS NULL THEN 0 ELSE 1 END) AS bigint)
         AS units,
       o.ts, p.first_seen, o.orders_24h, CAST(floor(coalesce(o.payment_failures, 0)) AS bigint) AS payment_failures,
       o.ip_country, o.billing_country, o.shipping_country, o.previous_orders
FROM orders o
JOIN people p ON p.profile_id = o.profile_id
LEFT JOIN lines l ON l.order_key = o.order_key
WHERE o.order_id IS NOT NULL
ORDER BY o.ts, o.order_id
