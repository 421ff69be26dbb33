-- The lake's two base relations on DuckDB (local runtime and tests). The runner mirrors the lake's
-- objects into a local folder (DuckDB's httpfs extension is not bundled and cannot be downloaded
-- here) and fills in {raw_files} (the .ndjson.gz objects of days not yet compacted), {compacted}
-- (read_parquet over the compacted objects, or an empty table of their schema) and {zone}.
lake_raw_lines AS (
  SELECT * FROM read_json({raw_files}, format = 'newline_delimited', ignore_errors = true,
    columns = {messageId: 'VARCHAR', profileId: 'VARCHAR', type: 'VARCHAR', event: 'VARCHAR', "timestamp": 'VARCHAR',
      channel: 'VARCHAR', context: 'STRUCT(sessionId VARCHAR)',
      properties: 'STRUCT(sku VARCHAR, product_id VARCHAR, order_id VARCHAR, total DOUBLE, revenue DOUBLE, currency VARCHAR, store_id VARCHAR, products STRUCT(sku VARCHAR, product_id VARCHAR, quantity DOUBLE, price DOUBLE)[])'})
),
lake_rows AS (
  SELECT messageId AS message_id, profileId AS profile_id, lower(type) AS type, event, channel,
         timezone('UTC', TRY_CAST("timestamp" AS TIMESTAMPTZ)) AS ts, context.sessionId AS session_id,
         coalesce(properties.sku, properties.product_id) AS sku, properties.order_id AS order_id,
         coalesce(properties.total, properties.revenue, 0) AS order_total, properties.currency AS currency,
         properties.store_id AS store_id, strftime(ts, '%Y-%m-%d') AS dt,
         list_transform(properties.products, p -> {'sku': coalesce(p.sku, p.product_id), 'quantity': p.quantity, 'price': p.price}) AS products
  FROM lake_raw_lines
  UNION ALL
  SELECT message_id, profile_id, type, event, channel, ts, session_id, sku, order_id, order_total, currency, store_id,
         strftime(ts, '%Y-%m-%d') AS dt, products
  FROM {compacted}
),
lake_events AS (
  SELECT message_id, profile_id, type, event, channel, ts, epoch_ms(ts) AS ts_ms,
         dt, CAST(timezone('{zone}', timezone('UTC', ts)) AS DATE) AS day,
         session_id, sku, order_id, order_total, currency, store_id, products
  FROM lake_rows
  WHERE ts IS NOT NULL AND profile_id IS NOT NULL AND trim(profile_id) <> '' AND type IS NOT NULL AND trim(type) <> ''
),
lake_order_lines AS (
  SELECT e.message_id, e.profile_id, e.channel, e.ts, e.ts_ms, e.dt, e.day, e.order_id, e.store_id,
         p.item.sku AS sku, coalesce(p.item.quantity, 1) AS quantity, p.item.price AS price
  FROM lake_events e, unnest(e.products) AS p(item)
  WHERE e.type = 'track' AND lower(e.event) = 'order completed'
)
