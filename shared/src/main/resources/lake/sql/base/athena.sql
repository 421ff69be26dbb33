-- The lake's two base relations on Athena (Trino engine), over the Glue tables template.yaml
-- declares: events_raw (gzip NDJSON, OpenX JSON SerDe, partition projection on dt and channel) and
-- events_compacted (Parquet written by the daily compaction). Days up to {compacted_through} come
-- from Parquet, later days from the raw objects; {zone} is the business time zone. The order-risk
-- fields are not Parquet columns: they are read from each compacted row's full record. sample_key
-- (the first 8 hex digits of the profile id's MD5) is computed as on DuckDB.
lake_rows AS (
  SELECT messageid AS message_id, profileid AS profile_id, lower(type) AS type, event, channel,
         CAST(TRY(from_iso8601_timestamp("timestamp")) AT TIME ZONE 'UTC' AS timestamp) AS ts,
         context.sessionid AS session_id, coalesce(properties.sku, properties.product_id) AS sku,
         properties.order_id AS order_id, coalesce(properties.total, properties.revenue, 0) AS order_total,
         properties.currency AS currency, properties.store_id AS store_id,
         dt, transform(properties.products, p -> CAST(ROW(coalesce(p.sku, p.product_id), p.quantity, p.price)
           AS ROW(sku varchar, quantity double, price double))) AS products,
         context.location.country AS ip_country, properties.billing_country AS billing_country,
         properties.shipping_country AS shipping_country, properties.payment_failures AS payment_failures
  FROM events_raw
  WHERE dt > '{compacted_through}'
  UNION ALL
  SELECT message_id, profile_id, type, event, channel, ts, session_id, sku, order_id, order_total, currency, store_id,
         dt, products, json_extract_scalar(record, '$.context.location.country') AS ip_country,
         json_extract_scalar(record, '$.properties.billing_country') AS billing_country,
         json_extract_scalar(record, '$.properties.shipping_country') AS shipping_country,
         TRY_CAST(json_extract_scalar(record, '$.properties.payment_failures') AS double) AS payment_failures
  FROM events_compacted
  WHERE dt <= '{compacted_through}'
),
lake_events AS (
  SELECT message_id, profile_id, type, event, channel, ts, CAST(to_unixtime(ts) * 1000 AS bigint) AS ts_ms,
         dt, CAST(with_timezone(ts, 'UTC') AT TIME ZONE '{zone}' AS date) AS day,
         session_id, sku, order_id, order_total, currency, store_id, products,
         ip_country, billing_country, shipping_country, payment_failures,
         lower(substr(to_hex(md5(to_utf8(profile_id))), 1, 8)) AS sample_key
  FROM lake_rows
  WHERE ts IS NOT NULL AND profile_id IS NOT NULL AND trim(profile_id) <> '' AND type IS NOT NULL AND trim(type) <> ''
),
lake_order_lines AS (
  SELECT e.message_id, e.profile_id, e.channel, e.ts, e.ts_ms, e.dt, e.day, e.order_id, e.store_id, e.sample_key,
         p.sku, coalesce(p.quantity, 1) AS quantity, p.price
  FROM lake_events e CROSS JOIN UNNEST(e.products) AS p (sku, quantity, price)
  WHERE e.type = 'track' AND lower(e.event) = 'order completed'
)
