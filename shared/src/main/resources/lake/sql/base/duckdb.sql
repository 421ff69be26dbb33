-- The lake's two base relations on DuckDB (local runtime and tests). The runner mirrors the lake's
-- objects into a local folder (DuckDB's httpfs extension is not bundled and cannot be downloaded
-- here), keeps every object's parsed lines in a table (parsed once per object version, see
-- DuckDbEngine) and fills in {raw_lines} (the raw NDJSON fields of days not yet compacted:
-- messageId, profileId, type, event, timestamp, channel, context, properties), {compacted} (the
-- compacted Parquet columns of days up to the watermark, with the order-risk fields the engine reads
-- from each row's full record) and {zone}. sample_key (the first 8 hex digits of the profile id's
-- MD5) is computed as on Athena, so a hash sample of people is the same set on both engines.
lake_raw_lines AS (
  SELECT * FROM {raw_lines}
),
lake_rows AS (
  SELECT messageId AS message_id, profileId AS profile_id, lower(type) AS type, event, channel,
         timezone('UTC', TRY_CAST("timestamp" AS TIMESTAMPTZ)) AS ts, context.sessionId AS session_id,
         coalesce(properties.sku, properties.product_id) AS sku, properties.order_id AS order_id,
         coalesce(properties.total, properties.revenue, 0) AS order_total, properties.currency AS currency,
         properties.store_id AS store_id, strftime(ts, '%Y-%m-%d') AS dt,
         list_transform(properties.products, p -> {'sku': coalesce(p.sku, p.product_id), 'quantity': p.quantity, 'price': p.price}) AS products,
         context.location.country AS ip_country, properties.billing_country AS billing_country,
         properties.shipping_country AS shipping_country, properties.payment_failures AS payment_failures
  FROM lake_raw_lines
  UNION ALL
  SELECT message_id, profile_id, type, event, channel, ts, session_id, sku, order_id, order_total, currency, store_id,
         strftime(ts, '%Y-%m-%d') AS dt, products, ip_country, billing_country, shipping_country, payment_failures
  FROM {compacted}
),
lake_events AS (
  SELECT message_id, profile_id, type, event, channel, ts, epoch_ms(ts) AS ts_ms,
         dt, CAST(timezone('{zone}', timezone('UTC', ts)) AS DATE) AS day,
         session_id, sku, order_id, order_total, currency, store_id, products,
         ip_country, billing_country, shipping_country, payment_failures, substr(md5(profile_id), 1, 8) AS sample_key
  FROM lake_rows
  WHERE ts IS NOT NULL AND profile_id IS NOT NULL AND trim(profile_id) <> '' AND type IS NOT NULL AND trim(type) <> ''
),
lake_order_lines AS (
  SELECT e.message_id, e.profile_id, e.channel, e.ts, e.ts_ms, e.dt, e.day, e.order_id, e.store_id, e.sample_key,
         p.item.sku AS sku, coalesce(p.item.quantity, 1) AS quantity, p.item.price AS price
  FROM lake_events e, unnest(e.products) AS p(item)
  WHERE e.type = 'track' AND lower(e.event) = 'order completed'
)
