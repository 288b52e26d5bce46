-- The notification carries the event itself (id, type, payload) when it fits, so a listening app
-- instance need not read every event back (one query per event per instance; comments post
-- hundreds a second). NOTIFY payloads must stay under 8000 bytes: larger events send the id
-- alone, as before, and are read back.
CREATE OR REPLACE FUNCTION "notify_domain_event"() RETURNS trigger AS $$
DECLARE
  message text := json_build_object('id', NEW."id", 'type', NEW."type", 'payload', NEW."payload")::text;
BEGIN
  IF octet_length(message) < 7900 THEN
    PERFORM pg_notify('domain_events', message);
  ELSE
    PERFORM pg_notify('domain_events', NEW."id"::text);
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
