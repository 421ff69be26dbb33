-- The products of every multi-product order of the sampled people since a day (bought-together):
-- one row per product reference of an "Order Completed" (its product, then each line), for orders
-- naming two or more (an order is its message id, else its person and moment). Sample: people whose sample_key (first 8 hex digits of MD5(profile_id)) is <= :sample.
-- params: since date, sample string
WITH
refs AS (
  SELECT coalesce(message_id, profile_id || '@' || CAST(ts_ms AS varchar)) AS order_key, sku
  FROM lake_events
  WHERE dt > :since_prev_dt AND sample_key <= :sample AND sku IS NOT NULL
    AND type = 'track' AND lower(event) = 'order completed'
  UNION ALL
  SELECT coalesce(message_id, profile_id || '@' || CAST(ts_ms AS varchar)) AS order_key, sku
  FROM lake_order_lines
  WHERE dt > :since_prev_dt AND sample_key <= :sample AND sku IS NOT NULL
)
SELECT order_key, sku
FROM (SELECT order_key, sku, count(*) OVER (PARTITION BY order_key) AS refs FROM refs) counted
WHERE refs > 1
ORDER BY order_key, sku
