// The shared vocabulary of Crosscheck. Every stage (ingest → extract → align →
// compare → store → web / export) speaks these types; nothing redefines them.

export type Language = 'zh' | 'en' | 'mixed';

/** One ingested article. `text` is the body exactly as written: every offset points into it. */
export interface Article {
  id: string;
  /** Path relative to the folder it was ingested from, with `/` (or `upload/…`, `paste/…`). */
  path: string;
  title: string;
  url?: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) from front matter, or found in the first lines of the body. */
  date?: string;
  language: Language;
  text: string;
  /** sha256 of the file bytes: re-ingesting an unchanged file is a no-op. */
  hash: string;
  ingestedAt: string;
  /** How the article arrived. */
  source: 'file' | 'upload' | 'paste';
  /** For files: the absolute folder (or file) they were ingested from, so a watched library can drop what was deleted. */
  library?: string;
}

/**
 * How a printed value relates to the true one.
 * exact: printed as is (subject only to rounding); approx: 约/about;
 * lower: 超过/more than (true value is at least this); upper: 近/nearly (true value is at most this).
 */
export type Qualifier = 'exact' | 'approx' | 'lower' | 'upper';

/** level: a stock or flow; the others are changes against a base. */
export type Measure = 'level' | 'yoy' | 'qoq' | 'vs_start' | 'change';

/** Where a claim came from: the extractor, or a reviewer who added it by hand. */
export type ClaimOrigin = 'extracted' | 'manual';

export interface Claim {
  id: string;
  articleId: string;
  /** The exact number expression, article.text.slice(start, end). */
  quote: string;
  start: number;
  end: number;
  /** The exact text of the sentence around the quote. */
  sentence: string;
  sentenceStart: number;
  /** Normalised value: magnitudes applied, declines and losses negative. */
  value: number;
  /** ISO currency code, '%', 'pp' (percentage points), 'count', or 'CNY/share' style per-share units. */
  unit: string;
  /** For counts: what is counted, canonical (vehicle, medal, person, …). */
  countOf?: string;
  /** The step of the last printed digit, in the normalised unit (126.14亿 → 1e6). */
  precision: number;
  qualifier: Qualifier;
  /** The word that set the qualifier (约, nearly, …), if any. */
  qualifierWord?: string;
  measure: Measure;
  /** Canonical entity id, or a name as printed when the entity is not in the lexicon. */
  subject: string;
  /** Canonical metric id from the lexicon, or null when no metric is named. */
  metric: string | null;
  /** Canonical period: 2023-Q3, 2023-Q1..Q3, 2023-H1, 2023, 2023-12, 2023-10-24; null when unknown. */
  period: string | null;
  /**
   * What else makes it a different fact: segment:overseas, forecast, asof:…, basis:real, list, …
   * Sorted, so that equal facts have equal keys.
   */
  aspects: string[];
  /** Plain-words reasons for metric, period, subject and measure, for the reviewer. */
  why: Partial<Record<'metric' | 'period' | 'subject' | 'measure' | 'unit' | 'qualifier' | 'value', string>>;
  /** Where subject and period came from. Alignment trusts what is said with the figure most. */
  basis?: { subject: Basis; period: Basis };
  origin: ClaimOrigin;
  /** For manual claims: who added it. */
  by?: string;
}

/**
 * Where a field of a claim came from: said with the figure; set earlier in its paragraph; the
 * article's own default (its main subject or period); said, but with the year taken from the story
 * (前三季度 in an undated article); the story's default (what other articles about the same event
 * say, for what this one leaves unsaid); or nowhere.
 */
export type Basis = 'stated' | 'paragraph' | 'article' | 'story-year' | 'story' | 'none';

/** The identity of a fact: two claims with the same key state the same fact. */
export interface FactKey {
  subject: string;
  metric: string | null;
  period: string | null;
  measure: Measure;
  /** Unit family: currency code, 'ratio' for % and pp changes, '%', 'count:vehicle', 'CNY/share'. */
  unitFamily: string;
  aspects: string[];
}

/** Articles about the same entity and reporting event; their unsaid fields default to the story's. */
export interface Story {
  id: string;
  /** The entity the story is about. */
  subject: string;
  /** The period its articles report on most, or null. */
  period: string | null;
  articleIds: string[];
}

export type Verdict = 'consistent' | 'rounding' | 'discrepancy';
export type Severity = 'high' | 'medium' | 'low' | 'none';

export interface Finding {
  /** Stable: derived from the fact key, so reviews survive re-checks. */
  id: string;
  key: string;
  fact: FactKey;
  verdict: Verdict;
  claimIds: string[];
  severity: Severity;
  /** Plain words: why these numbers were compared and why they agree or disagree. */
  explanation: string;
  /** A likely cause, when one fits: 'tenfold', 'thousandfold', 'sign', 'percent-vs-points', 'period-mixup'. */
  cause?: string;
  /** With 3+ sources: the articles whose figure stands apart from the rest. */
  outlierArticleIds?: string[];
  /** How strongly the evidence says the claims state one fact. */
  alignment?: Alignment;
}

/**
 * Why claims were aligned. strong: every source names the metric and places the figure in its
 * period and subject itself (or only the year comes from the story); weak: a field was filled in
 * from the story. Weak alignments may show agreement but never flag a discrepancy.
 */
export interface Alignment {
  strength: 'strong' | 'weak';
  /** 0..1: the weakest source's evidence. */
  score: number;
  /** Fields every source states. */
  stated: string[];
  /** Fields some source leaves to the article's or the story's default, with how. */
  inferred: string[];
}

export type ReviewStatus = 'open' | 'confirmed' | 'dismissed';
export type DismissReason =
  | 'rounding'
  | 'different-metric'
  | 'different-period'
  | 'different-subject'
  | 'extraction-error'
  | 'restated-figure'
  | 'other';

/** A reviewer's decision on a finding, keyed by the finding's stable id (its fact key). */
export interface Review {
  findingId: string;
  status: ReviewStatus;
  reason?: DismissReason;
  note?: string;
  /** The claim whose value the reviewer says is right. */
  correctClaimId?: string;
  /** The article the reviewer treats as the reference source for this finding. */
  referenceArticleId?: string;
  updatedAt: string;
  /** Who made the last change (a user name; 'crosscheck' when the evidence re-opened it). */
  by?: string;
  /** The claims (by text anchor) and verdict the decision was made on; reviews follow these, not the key hash. */
  judged?: JudgedEvidence;
  /** Set when new evidence put a decided finding back in the queue: what changed, and what it was. */
  reopened?: { at: string; because: string; was: ReviewStatus; by?: string };
  /** The document the reviewer checked the figures against (a company filing), and the figure it prints. */
  primarySource?: PrimarySource;
}

/**
 * Evidence for a verdict: the primary source a reviewer read (a filing, a statistics release)
 * and the true figure as printed there. Normalised like a claim, so each source's figure is
 * judged against it with the same rounding intervals the comparison uses.
 */
export interface PrimarySource {
  /** http(s) address of the document. */
  url: string;
  /** What the document is, in the reviewer's words ("科大讯飞2023年三季度报告, p. 2"). */
  title?: string;
  /** The figure as the reviewer copied it, with its scale and unit ("126.14 亿 CNY"). */
  printed: string;
  /** Normalised: magnitudes applied, declines and losses negative. */
  value: number;
  unit: string;
  /** The step of the last printed digit, in the normalised unit: the figure stands for value ± precision / 2. */
  precision: number;
  /** Who recorded it, and when. */
  by: string;
  at: string;
}

/** What a reviewer saw when deciding: enough to find the finding again after its key changes. */
export interface JudgedEvidence {
  verdict: Verdict;
  claims: Array<{ claimId: string; articleId: string; anchor: Anchor }>;
}

/** One change to a finding's review. Bulk actions share a batch id and are undone together. */
export interface ReviewEvent {
  id: string;
  findingId: string;
  at: string;
  by: string;
  action: string;
  from: ReviewState;
  to: ReviewState;
  note?: string;
  batch?: string;
  /** Set on the event an undo reversed, so it is not undone twice. */
  undone?: boolean;
}

/** The parts of a review a person decides; history entries and undo work on these. */
export type ReviewState = Pick<Review, 'status' | 'reason' | 'note' | 'correctClaimId' | 'referenceArticleId' | 'primarySource'>;

export type Role = 'reviewer' | 'editor';

export interface User {
  name: string;
  role: Role;
  /** A bcrypt hash; the password itself is never stored. */
  passwordHash: string;
  createdAt: string;
}

/** A signed-in browser. The cookie holds a random token; the store keeps only its sha256. */
export interface Session {
  tokenHash: string;
  user: string;
  createdAt: string;
  expiresAt: string;
}

/** A text anchor that survives edits elsewhere in the article (W3C TextQuote + TextPosition). */
export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Annotation {
  id: string;
  articleId: string;
  anchor: Anchor;
  comment: string;
  createdAt: string;
  /** Who wrote it. */
  by?: string;
  /** True when the anchored text is no longer in the article. Never moved silently. */
  orphaned?: boolean;
}

/** A reviewer's correction of an extracted claim, anchored to its text. */
export interface Correction {
  id: string;
  articleId: string;
  anchor: Anchor;
  metric?: string | null;
  period?: string | null;
  subject?: string;
  /** The value the article prints, when the extractor read it wrongly: normalised, with its step. */
  value?: number;
  precision?: number;
  unit?: string;
  notAClaim?: boolean;
  createdAt: string;
  by?: string;
  orphaned?: boolean;
}

/** Everything the store holds. */
export interface Db {
  version: 1;
  articles: Article[];
  claims: Claim[];
  findings: Finding[];
  reviews: Review[];
  annotations: Annotation[];
  /** Claims a reviewer added; extraction never overwrites them. Their anchor is quote/start/end. */
  manualClaims: Claim[];
  corrections: Correction[];
  /** Every change to every review, oldest first. The store fills these in for files from before accounts. */
  reviewEvents: ReviewEvent[];
  users: User[];
  sessions: Session[];
}

/** The JSON report (`crosscheck report --format json`). */
export interface Report {
  generatedAt: string;
  articles: Array<Omit<Article, 'text'> & { chars: number }>;
  claims: Claim[];
  findings: Array<Finding & { review?: Review }>;
  stories: Story[];
  annotations: Annotation[];
}
