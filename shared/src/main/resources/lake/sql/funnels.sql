-- The view -> cart -> checkout -> order funnel for business days from..to, per channel and across
-- channels ('all'), counting customers. A step counts every customer whose furthest step reached it:
-- an order implies the checkout before it even when the channel sends no checkout event (a store
-- till). Across channels a customer counts once, whichever channels their steps happened in.
-- params: from date, to date
WITH
steps AS (
  SELECT channel, profile_id,
         max(CASE WHEN type = 'track' AND lower(event) = 'order completed' THEN 4
                  WHEN type = 'track' AND lower(event) = 'checkout started' THEN 3
                  WHEN type = 'track' AND lower(event) = 'product added' THEN 2
                  WHEN type IN ('page', 'screen') OR lower(event) = 'product viewed' THEN 1
                  ELSE 0 END) AS furthest
  FROM lake_events WHERE dt BETWEEN :from_prev_dt AND :to_next_dt AND day BETWEEN :from AND :to
  GROUP BY channel, profile_id
),
customers AS (
  SELECT channel, profile_id, furthest FROM steps
  UNION ALL
  SELECT 'all' AS channel, profile_id, max(furthest) AS furthest FROM steps GROUP BY profile_id
)
SELECT channel,
       count(CASE WHEN furthest >= 1 THEN 1 END) AS viewed,
       count(CASE WHEN furthest >= 2 THEN 1 END) AS carted,
       count(CASE WHEN furthest >= 3 THEN 1 END) AS checked_out,
       count(CASE WHEN furthest >= 4 THEN 1 END) AS ordered
FROM customers
GROUP BY channel
ORDER BY channel
