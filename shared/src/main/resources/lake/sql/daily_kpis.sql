-- Daily KPIs per channel: events, active customers, orders and revenue (sum of order totals, any
-- currency; an order resent under another message id counts once, by order_id), new customers (first ever event on that day) vs returning, and the share of the
-- day's active customers who had been seen in two or more channels by the end of that day.
-- params: from date, to date
WITH
first_seen AS (
  SELECT profile_id, min(day) AS first_day
  FROM lake_events WHERE dt <= :to_next_dt AND day <= :to
  GROUP BY profile_id
),
channel_first AS (
  SELECT profile_id, channel, min(day) AS first_day
  FROM lake_events WHERE dt <= :to_next_dt AND day <= :to AND channel IS NOT NULL
  GROUP BY profile_id, channel
),
multichannel AS (
  SELECT profile_id, first_day AS multi_since
  FROM (SELECT profile_id, first_day, row_number() OVER (PARTITION BY profile_id ORDER BY first_day, channel) AS n
        FROM channel_first) ranked
  WHERE n = 2
),
marked AS (
  SELECT day, channel, profile_id, order_total,
         CASE WHEN type = 'track' AND lower(event) = 'order completed'
              THEN row_number() OVER (PARTITION BY type, lower(event), coalesce(order_id, message_id) ORDER BY ts, message_id)
         END AS order_n
  FROM lake_events WHERE dt BETWEEN :from_prev_dt AND :to_next_dt AND day BETWEEN :from AND :to
),
customer_day AS (
  SELECT day, channel, profile_id, count(*) AS events,
         count(CASE WHEN order_n = 1 THEN 1 END) AS orders,
         sum(CASE WHEN order_n = 1 THEN order_total ELSE 0 END) AS revenue
  FROM marked
  GROUP BY day, channel, profile_id
)
SELECT d.day, d.channel, sum(d.events) AS events, count(*) AS active_customers, sum(d.orders) AS orders,
       sum(d.revenue) AS revenue,
       count(CASE WHEN f.first_day = d.day THEN 1 END) AS new_customers,
       count(CASE WHEN f.first_day < d.day THEN 1 END) AS returning_customers,
       CAST(count(CASE WHEN m.multi_since <= d.day THEN 1 END) AS double) / count(*) AS multichannel_share
FROM customer_day d
JOIN first_seen f ON f.profile_id = d.profile_id
LEFT JOIN multichannel m ON m.profile_id = d.profile_id
GROUP BY d.day, d.channel
ORDER BY d.day, d.channel
