-- The cases, the outbox of their events and the idempotency records.

-- cases holds each case as the cases package encodes it (doc), with
-- copies of the values that lists filter on. seq numbers the cases in the
-- order they were created: lists run by it, newest first, since
-- created_at can tie (a fixed clock, or two cases opened in the same
-- microsecond). doc is json, not jsonb, so that it keeps the encoding
-- byte for byte: jsonb would rewrite a number such as 1e3 as 1000, and a
-- retried response would no longer be identical to the stored one.
CREATE TABLE cases (
	seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	id          text PRIMARY KEY,
	parent_type text NOT NULL,
	parent_id   text NOT NULL,
	kind        text NOT NULL,
	status      text NOT NULL,
	created_at  timestamptz NOT NULL,
	version     bigint NOT NULL CHECK (version > 0),
	doc         json NOT NULL
);

-- A list scans one of these backwards (seq descending) and filters the
-- rest; a list by parent_type alone, or by none, scans the seq index.
CREATE INDEX cases_parent ON cases (parent_id, parent_type, seq);
CREATE INDEX cases_status ON cases (status, seq);
CREATE INDEX cases_kind ON cases (kind, seq);

-- outbox holds every event, written in the transaction of its change.
-- An event is pending until delivered_at is set; a failed attempt
-- counts in attempts and waits until next_attempt_at.
CREATE TABLE outbox (
	seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id        text NOT NULL,
	case_id         text NOT NULL,
	type            text NOT NULL,
	created_at      timestamptz NOT NULL,
	event           json NOT NULL,
	attempts        integer NOT NULL DEFAULT 0,
	next_attempt_at timestamptz NOT NULL DEFAULT now(),
	last_error      text,
	delivered_at    timestamptz
);

CREATE INDEX outbox_pending ON outbox (seq) WHERE delivered_at IS NULL;
CREATE INDEX outbox_pending_case ON outbox (case_id, seq) WHERE delivered_at IS NULL;

-- idempotency holds one record per scoped Idempotency-Key: in progress
-- while status is null, then the answer to replay.
CREATE TABLE idempotency (
	key         text PRIMARY KEY,
	fingerprint text NOT NULL,
	reserved_at timestamptz NOT NULL DEFAULT now(),
	status      integer,
	header      json,
	body        bytea
);

CREATE INDEX idempotency_reserved ON idempotency (reserved_at);
