-- Recency, frequency and monetary value of every buyer as of a moment (orders at or before it):
-- the input of RFM scoring and of the k-means segmentation. recency_days counts whole minutes / 1440.
-- params: as_of timestamp
SELECT profile_id,
       count(*) AS orders,
       sum(order_total) AS revenue,
       max(ts) AS last_order,
       floor((:as_of_ms - max(ts_ms)) / 60000) / 1440.0 AS recency_days
FROM lake_events
WHERE dt <= :as_of_dt AND ts <= :as_of AND type = 'track' AND lower(event) = 'order completed'
GROUP BY profile_id
ORDER BY profile_id
