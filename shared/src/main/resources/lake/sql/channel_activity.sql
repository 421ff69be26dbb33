-- Each person's latest activity per channel strictly before a moment (ActivitySnapshot's
-- channelLastSeen), in long form so both engines return plain columns.
-- params: as_of timestamp
SELECT profile_id, channel, count(*) AS events, max(ts) AS last_seen
FROM lake_events
WHERE dt <= :as_of_dt AND ts < :as_of AND channel IS NOT NULL
GROUP BY profile_id, channel
ORDER BY profile_id, channel
