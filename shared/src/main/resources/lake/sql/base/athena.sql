-- The lake's two base relations on Athena (Trino engine), over the Glue tables template.yaml
-- declares: events_raw (gzip NDJSON, OpenX JSON SerDe, partition projection on dt and channel) and
-- events_compacted (Parquet written by the daily compaction). Days up to {compacted_through} come
-- from Parquet, later days from the raw objects; {zone} is the business time zone.
lake_rows AS (
  SELECT messageid AS message_id, profileid AS profile_id, lower(type) AS type, event, channel,
         CAST(TRY(from_iso8601_timestamp("timestamp")) AT TIME ZONE 'UTC' AS timestamp) AS ts,
         context.sessionid AS session_id, coalesce(properties.sku, properties.product_id) AS sku,
         properties.order_id AS order_id, coalesce(properties.total, properties.revenue, 0) AS order_total,
         properties.currency AS currency, properties.store_id AS store_id,
         dt, transform(properties.products, p -> CAST(ROW(coalesce(p.sku, p.product_id), p.quantity, p.price)
           AS ROW(sku varchar, quantity double, price double))) AS products
  FROM events_raw
  WHERE dt > '{compacted_through}'
  UNION ALL
  SELECT message_id, profile_id, type, event, channel, ts, session_id, sku, order_id, order_total, currency, store_id,
         dt, products
  FROM events_compacted
  WHERE dt <= '{compacted_through}'
),
lake_events AS (
  SELECT message_id, profile_id, type, event, channel, ts, CAST(to_unixtime(ts) * 1000 AS bigint) AS ts_ms,
         dt, CAST(with_timezone(ts, 'UTC') AT TIME ZONE '{zone}' AS date) AS day,
         session_id, sku, order_id, order_total, currency, store_id, products
  FROM lake_rows
  WHERE ts IS NOT NULL AND profile_id IS NOT NULL AND trim(profile_id) <> '' AND type IS NOT NULL AND trim(type) <> ''
),
lake_order_lines AS (
  SELECT e.message_id, e.profile_id, e.channel, e.ts, e.ts_ms, e.dt, e.day, e.order_id, e.store_id,
         p.sku, coalesce(p.quantity, 1) AS quantity, p.price
  FROM lake_events e CROSS JOIN UNNEST(e.products) AS p (sku, quantity, price)
  WHERE e.type = 'track' AND lower(e.event) = 'order completed'
)
