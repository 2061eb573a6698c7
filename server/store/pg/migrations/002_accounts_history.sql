-- Accounts, sessions and the review history (issue 9): kept like every other collection, whole
-- in `doc`, with the columns the desk looks up by.

CREATE TABLE review_events (
  id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  finding_id text NOT NULL,
  at text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX review_events_order ON review_events (written_rev, pos);
CREATE INDEX review_events_finding ON review_events (finding_id);

CREATE TABLE users (
  name text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  role text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX users_order ON users (written_rev, pos);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  user_name text NOT NULL,
  expires_at text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX sessions_order ON sessions (written_rev, pos);
