-- The nightly training's window: first and last event, events and people on UTC days since a day.
-- The job sizes its sample of people from it (see the :sample parameter of the training feature sets).
-- params: since date
SELECT min(ts) AS first_seen, max(ts) AS last_seen, count(*) AS events, count(DISTINCT profile_id) AS people
FROM lake_events
WHERE dt > :since_prev_dt
