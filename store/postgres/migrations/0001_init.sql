-- The cases, the outbox of their events and the idempotency records.

-- cases holds each case whole, as the cases package encodes it, with
-- copies of the values that lists filter on.
--
-- doc holds the case as jsonb. jsonb keeps the values of a document but
-- not its text: it reorders keys, drops spaces and writes numbers in its
-- own form (1e3 becomes 1000, -0 becomes 0), and it refuses U+0000 in a
-- string, which a metadata value may hold. A case that jsonb would change
-- or refuse is kept in doc_json instead, as json, which keeps the text
-- byte for byte; exactly one of the two is set. The store writes doc
-- whenever jsonb gives the case back exactly, so a stored case always
-- reads back as it was written: a retried response stays identical to
-- the stored one.
--
-- seq numbers the cases in the order they were inserted. Lists run by it,
-- newest first, rather than by created_at: created_at comes from the
-- clock of the replica that opened the case, so it can tie (a fixed
-- clock, two cases in the same microsecond) and, between replicas whose
-- clocks differ, run against the order of creation; a cursor on it would
-- then pass by a case created while a client walks the pages.
CREATE TABLE cases (
	seq         bigint GENERATED ALWAYS AS IDENTITY,
	id          text PRIMARY KEY,
	parent_type text NOT NULL,
	parent_id   text NOT NULL,
	kind        text NOT NULL,
	status      text NOT NULL,
	created_at  timestamptz NOT NULL,
	version     bigint NOT NULL CHECK (version > 0),
	doc         jsonb,
	doc_json    json,
	CHECK ((doc IS NULL) <> (doc_json IS NULL))
);

-- A list without filters scans cases_seq backwards. A list with filters
-- scans backwards the index of one of them, ordered by seq after the
-- filtered value, so that it reads the cases already in list order and
-- stops at the end of the page; it checks the other filters on the rows
-- it reads. A parent ID has few cases, so cases_parent serves every list
-- that names one; otherwise the planner picks the most selective of
-- parent_type, status and kind.
CREATE UNIQUE INDEX cases_seq ON cases (seq);
CREATE INDEX cases_parent ON cases (parent_id, seq);
CREATE INDEX cases_parent_type ON cases (parent_type, seq);
CREATE INDEX cases_status ON cases (status, seq);
CREATE INDEX cases_kind ON cases (kind, seq);

-- cases_created serves questions by time, such as the cases opened in a
-- period, which operators and retention jobs ask; lists do not use it.
CREATE INDEX cases_created ON cases (created_at);

-- outbox holds every event, written in the transaction of its change.
-- An event is pending until delivered_at is set; a failed attempt
-- counts in attempts and waits until next_attempt_at. event is json, so
-- that every attempt sends the body that was written, byte for byte.
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
