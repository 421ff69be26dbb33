-- Purchase-propensity training rows as of a cut-off, for the sampled people seen before it: their
-- activity strictly before it, counted by the profile's rules (ActivitySnapshot: page/screen calls
-- are page views, "Product Added" a cart add, "Order Completed" an order, sessions by
-- context.sessionId), the last moment per channel and their :recent_limit latest events (encoded,
-- see below), and the label: an order in [as_of, horizon_end).
-- Sample: people whose sample_key (first 8 hex digits of MD5(profile_id)) is <= :sample.
-- channels: 'channel<US>epoch ms' joined by <RS>; recent: 'epoch ms<US>type<US>event<US>channel'
-- joined by <RS> (US = chr(31), RS = chr(30); any order, the reader sorts).
-- params: since date, as_of timestamp, horizon_end timestamp, sample string, recent_limit integer
WITH
sampled AS (
  SELECT profile_id, message_id, type, event, channel, ts, ts_ms, session_id, order_total,
         CASE WHEN type = 'track' AND lower(event) = 'order completed' THEN 1 ELSE 0 END AS is_order
  FROM lake_events
  WHERE dt > :since_prev_dt AND dt <= :horizon_end_dt AND ts < :horizon_end AND sample_key <= :sample
),
before AS (
  SELECT * FROM sampled WHERE ts < :as_of
),
activity AS (
  SELECT profile_id,
         min(ts) AS first_seen,
         max(ts) AS last_seen,
         count(DISTINCT session_id) AS sessions,
         count(CASE WHEN type IN ('page', 'screen') THEN 1 END) AS page_views,
         count(CASE WHEN type = 'track' AND lower(event) = 'product added' THEN 1 END) AS cart_adds,
         sum(is_order) AS orders,
         sum(CASE WHEN is_order = 1 THEN order_total ELSE 0 END) AS revenue,
         max(CASE WHEN is_order = 1 THEN ts END) AS last_order
  FROM before
  GROUP BY profile_id
),
channels AS (
  SELECT profile_id, array_join(array_agg(channel || chr(31) || CAST(last_ms AS varchar)), chr(30)) AS channels
  FROM (SELECT profile_id, channel, max(ts_ms) AS last_ms FROM before WHERE channel IS NOT NULL
        GROUP BY profile_id, channel) last_per_channel
  GROUP BY profile_id
),
recent AS (
  SELECT profile_id,
         array_join(array_agg(CAST(ts_ms AS varchar) || chr(31) || type || chr(31) || coalesce(event, '')
                              || chr(31) || coalesce(channel, '')), chr(30)) AS recent
  FROM (SELECT profile_id, ts_ms, type, event, channel,
               row_number() OVER (PARTITION BY profile_id ORDER BY ts_ms DESC, message_id DESC) AS n
        FROM before) ranked
  WHERE n <= :recent_limit
  GROUP BY profile_id
),
buyers AS (
  SELECT DISTINCT profile_id FROM sampled WHERE is_order = 1 AND ts >= :as_of
)
SELECT a.profile_id, a.first_seen, a.last_seen, a.sessions, a.page_views, a.cart_adds, a.orders, a.revenue,
       a.last_order, c.channels, r.recent, CASE WHEN b.profile_id IS NULL THEN 0 ELSE 1 END AS buys
FROM activity a
LEFT JOIN channels c ON c.profile_id = a.profile_id
LEFT JOIN recent r ON r.profile_id = a.profile_id
LEFT JOIN buyers b ON b.profile_id = a.profile_id
ORDER BY a.profile_id
