// Ingest: files, folders or pasted text → Article. Nothing here extracts or stores.
import { readFileSync, statSync } from 'node:fs';
import type { Article } from '../types.js';
import { articleIdFor, buildArticle, sha256 } from './article.js';
import { decodeArticleBytes, encodingNote } from './read-file.js';
import { htmlToArticle } from './html.js';
import { findArticleFiles, type FoundFile, type Skipped } from './walk.js';

export { articleIdFor, sha256 } from './article.js';
export { decodeArticleBytes, MAX_ARTICLE_BYTES } from './read-file.js';
export { findArticleFiles } from './walk.js';
export { htmlToArticle } from './html.js';

export interface IngestOutcome {
  articles: Article[];
  skipped: Skipped[];
  errors: Skipped[];
  warnings: Skipped[];
  /** Files read fine but said something about: the encoding of one that is not UTF-8. */
  notes: Skipped[];
  bytes: number;
  /** Ids of files skipped as known and unchanged (ReadOptions.known). */
  unchanged: string[];
}

/**
 * A file's identity on disk: a rewrite changes its size or mtime, a replacement its inode.
 * A watched library re-reads only files whose stamp changed since they were last read.
 */
export const fileStamp = (abs: string): string | undefined => {
  try {
    const s = statSync(abs, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
};

export interface ReadOptions {
  onFile?: (done: number, total: number, bytes: number) => void;
  /** Files the caller has already read and knows unchanged (by their stamp): not read again, their ids listed in `unchanged`. */
  known?: (file: { abs: string; rel: string; id: string; stamp: string }) => boolean;
  /** Told the stamp of every file read fine, so the caller can skip it next time. */
  onRead?: (abs: string, stamp: string) => void;
}

/** Reads every article file under the paths. Bad files are reported and the rest go through. */
export function readArticles(paths: string[], options: ReadOptions | ReadOptions['onFile'] = {}): IngestOutcome {
  const reading = readingArticles(paths, options);
  for (const _ of reading.articles);
  return reading.outcome;
}

/** Article files being read: `articles` reads one file per step, so a caller can start on the first while the rest wait. */
export interface Reading {
  /** The files found, before any is read. */
  files: FoundFile[];
  /** Filled in as `articles` is iterated; complete once it is done. */
  outcome: IngestOutcome;
  articles: Generator<Article, void, undefined>;
}

/** readArticles, one file at a time: the CLI extracts each article while the next is read. */
export function readingArticles(paths: string[], options: ReadOptions | ReadOptions['onFile'] = {}): Reading {
  const { onFile, known, onRead } = typeof options === 'function' ? { onFile: options } : options;
  const { files, skipped, errors } = findArticleFiles(paths);
  const out: IngestOutcome = { articles: [], skipped, errors: [...errors], warnings: [], notes: [], bytes: 0, unchanged: [] };
  function* articles(): Generator<Article, void, undefined> {
    for (const [i, f] of files.entries()) {
      const article = readOne(f, out, known, onRead);
      onFile?.(i + 1, files.length, out.bytes);
      if (article) yield article;
    }
  }
  return { files, outcome: out, articles: articles() };
}

/** One found file read into the outcome: its article (also pushed there), or undefined if it was unchanged or bad. */
function readOne(f: FoundFile, out: IngestOutcome, known: ReadOptions['known'], onRead: ReadOptions['onRead']): Article | undefined {
  const stamp = known || onRead ? fileStamp(f.abs) : undefined;
  if (stamp && known?.({ abs: f.abs, rel: f.rel, id: articleIdFor(f.rel), stamp })) {
    out.unchanged.push(articleIdFor(f.rel));
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(f.abs);
  } catch (e) {
    out.errors.push({ path: f.rel, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
  out.bytes += bytes.length;
  let r: ReturnType<typeof articleFromBytes>;
  try {
    r = articleFromBytes(bytes, f.rel, 'file');
  } catch (e) {
    // A reader bug must cost one file, never the folder.
    r = { error: `could not be read (${(e as Error).message})` };
  }
  if ('error' in r) {
    out.errors.push({ path: f.rel, reason: r.error });
    return undefined;
  }
  const article = { ...r.article, library: f.root };
  out.articles.push(article);
  if (stamp) onRead?.(f.abs, stamp);
  if (r.warning) out.warnings.push({ path: f.rel, reason: r.warning });
  if (r.note) out.notes.push({ path: f.rel, reason: r.note });
  return article;
}

/** One article from raw bytes (a file or an upload). */
export function articleFromBytes(
  bytes: Uint8Array,
  path: string,
  source: Article['source'],
  meta?: { title?: string; url?: string; publisher?: string; date?: string },
): { article: Article; warning?: string; note?: string } | { error: string } {
  const decoded = decodeArticleBytes(bytes, path);
  if (!decoded.ok) return { error: decoded.error.replace(`${path}: `, '') };
  const note = encodingNote(decoded.encoding);
  const noted = <T extends object>(r: T) => (note ? { ...r, note } : r);
  if (/\.html?$/i.test(path)) {
    // A saved web page: its readable text is the article; its head fills in what the form did not.
    const page = htmlToArticle(decoded.text);
    if (!page.text.trim()) return { error: 'the page has no readable text' };
    const fromPage = { title: page.title, url: page.url, publisher: page.publisher, date: page.date };
    const merged = Object.fromEntries(Object.entries({ ...fromPage, ...meta }).filter(([, v]) => v));
    return noted(buildArticle({ path, text: page.text, hash: sha256(bytes), source, meta: merged }));
  }
  return noted(buildArticle({ path, text: decoded.text, hash: sha256(bytes), source, meta }));
}
