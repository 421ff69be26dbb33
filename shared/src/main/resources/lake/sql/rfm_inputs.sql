-- Recency, frequency and monetary value of buyers as of a moment, from their orders on UTC days since
-- a day up to that moment: the console's RFM grid (every buyer: since the lake's first day, sample
-- ffffffff) and the training's segmentation (the window and the sample). recency_days counts whole
-- minutes / 1440.
-- Sample: people whose sample_key (first 8 hex digits of MD5(profile_id)) is <= :sample.
-- params: since date, as_of timestamp, sample string
SELECT profile_id,
       count(*) AS orders,
       sum(order_total) AS revenue,
       max(ts) AS last_order,
       floor((:as_of_ms - max(ts_ms)) / 60000) / 1440.0 AS recency_days
FROM lake_events
WHERE dt > :since_prev_dt AND dt <= :as_of_dt AND ts <= :as_of AND sample_key <= :sample
  AND type = 'track' AND lower(event) = 'order completed'
GROUP BY profile_id
ORDER BY profile_id
