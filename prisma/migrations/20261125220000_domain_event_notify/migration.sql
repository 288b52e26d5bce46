-- Every app instance LISTENs on "domain_events" to drop cached pages a change made stale.
-- NOTIFY is transactional: it is delivered when (and only if) the change's transaction commits.
CREATE FUNCTION "notify_domain_event"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('domain_events', NEW."id"::text);
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DomainEvent_notify" AFTER INSERT ON "DomainEvent"
  FOR EACH ROW EXECUTE FUNCTION "notify_domain_event"();
