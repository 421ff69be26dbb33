-- Each person's activity strictly before a moment, counted by the profile's rules (page/screen
-- calls are page views, "Product Added" a cart add, "Order Completed" an order, sessions by
-- context.sessionId): the lake side of the propensity features (ActivitySnapshot).
-- params: as_of timestamp
SELECT profile_id,
       min(ts) AS first_seen,
       max(ts) AS last_seen,
       count(DISTINCT session_id) AS sessions,
       count(CASE WHEN type IN ('page', 'screen') THEN 1 END) AS page_views,
       count(CASE WHEN type = 'track' AND lower(event) = 'product added' THEN 1 END) AS cart_adds,
       count(CASE WHEN type = 'track' AND lower(event) = 'order completed' THEN 1 END) AS orders,
       sum(CASE WHEN type = 'track' AND lower(event) = 'order completed' THEN order_total ELSE 0 END) AS revenue,
       max(CASE WHEN type = 'track' AND lower(event) = 'order completed' THEN ts END) AS last_order,
       count(DISTINCT channel) AS channels
FROM lake_events
WHERE dt <= :as_of_dt AND ts < :as_of
GROUP BY profile_id
ORDER BY profile_id
