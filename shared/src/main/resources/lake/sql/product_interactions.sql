-- The recommender's implicit feedback of the sampled people since a day, per person and product:
-- views (page/screen calls and "Product Viewed" naming a product), cart adds ("Product Added") and
-- purchases (an "Order Completed"'s product and every line of it), before a cut-off and in all.
-- The weights are the trainer's; what happened at or after the cut-off is the held-out week.
-- Sample: people whose sample_key (first 8 hex digits of MD5(profile_id)) is <= :sample.
-- params: since date, cutoff timestamp, sample string
WITH
refs AS (
  SELECT profile_id, ts, sku,
         CASE WHEN type = 'track' AND lower(event) = 'order completed' THEN 'purchase'
              WHEN type = 'track' AND lower(event) = 'product added' THEN 'cart_add'
              WHEN type IN ('page', 'screen') OR lower(event) = 'product viewed' THEN 'view'
         END AS kind
  FROM lake_events
  WHERE dt > :since_prev_dt AND sample_key <= :sample AND sku IS NOT NULL
  UNION ALL
  SELECT profile_id, ts, sku, 'purchase' AS kind
  FROM lake_order_lines
  WHERE dt > :since_prev_dt AND sample_key <= :sample AND sku IS NOT NULL
)
SELECT profile_id, sku,
       count(CASE WHEN kind = 'view' AND ts < :cutoff THEN 1 END) AS views_before,
       count(CASE WHEN kind = 'cart_add' AND ts < :cutoff THEN 1 END) AS cart_adds_before,
       count(CASE WHEN kind = 'purchase' AND ts < :cutoff THEN 1 END) AS purchases_before,
       count(CASE WHEN kind = 'view' THEN 1 END) AS views,
       count(CASE WHEN kind = 'cart_add' THEN 1 END) AS cart_adds,
       count(CASE WHEN kind = 'purchase' THEN 1 END) AS purchases
FROM refs
WHERE kind IS NOT NULL
GROUP BY profile_id, sku
ORDER BY profile_id, sku
