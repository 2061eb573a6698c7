-- The Crosscheck store in PostgreSQL. Each entity is kept whole in `doc` (json keeps the
-- text exactly as written, so a round trip loses nothing); the columns beside it are copies
-- of the fields that queries and indexes need. (written_rev, pos) keeps the collections' order.
-- No foreign keys on purpose: a review outlives its finding, an annotation its article.

CREATE TABLE store_meta (
  id int PRIMARY KEY CHECK (id = 1),
  version int NOT NULL,
  -- Bumped by every write; a process whose snapshot is older reloads before it writes.
  rev bigint NOT NULL
);
INSERT INTO store_meta (id, version, rev) VALUES (1, 1, 0);

CREATE TABLE articles (
  id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  path text NOT NULL,
  library text,
  hash text NOT NULL,
  publisher text,
  date text,
  doc json NOT NULL
);
CREATE INDEX articles_order ON articles (written_rev, pos);
CREATE INDEX articles_library ON articles (library);
CREATE INDEX articles_path ON articles (path);

CREATE TABLE claims (
  id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  article_id text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX claims_order ON claims (written_rev, pos);
CREATE INDEX claims_article ON claims (article_id);

CREATE TABLE findings (
  id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  fact_key text NOT NULL,
  verdict text NOT NULL,
  severity text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX findings_order ON findings (written_rev, pos);
CREATE INDEX findings_verdict ON findings (verdict, severity);

CREATE TABLE reviews (
  finding_id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  status text NOT NULL,
  updated_at text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX reviews_order ON reviews (written_rev, pos);
CREATE INDEX reviews_status ON reviews (status);

-- Every decision a reviewer made, in order, kept even when the review is changed again.
CREATE TABLE review_history (
  id bigserial PRIMARY KEY,
  finding_id text NOT NULL,
  status text NOT NULL,
  doc json NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_history_finding ON review_history (finding_id, id);
CREATE FUNCTION record_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO review_history (finding_id, status, doc) VALUES (NEW.finding_id, NEW.status, NEW.doc);
  RETURN NEW;
END $$;
CREATE TRIGGER reviews_history AFTER INSERT OR UPDATE OF doc ON reviews FOR EACH ROW EXECUTE FUNCTION record_review();

CREATE TABLE annotations (
  id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  article_id text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX annotations_order ON annotations (written_rev, pos);
CREATE INDEX annotations_article ON annotations (article_id);

CREATE TABLE manual_claims (
  id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  article_id text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX manual_claims_order ON manual_claims (written_rev, pos);
CREATE INDEX manual_claims_article ON manual_claims (article_id);

CREATE TABLE corrections (
  id text PRIMARY KEY,
  written_rev bigint NOT NULL,
  pos int NOT NULL,
  article_id text NOT NULL,
  doc json NOT NULL
);
CREATE INDEX corrections_order ON corrections (written_rev, pos);
CREATE INDEX corrections_article ON corrections (article_id);
