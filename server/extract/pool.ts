// Extraction off the request thread: a worker thread reads each article, with a time limit.
// The web app hands pasted and uploaded articles to it, so that one article never holds up
// the requests of others, and an article that takes longer than the limit is refused (its
// worker is stopped and replaced) instead of freezing the server.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article, Claim } from '../types.js';

/** Seconds an article may take, unless CROSSCHECK_EXTRACT_TIMEOUT (seconds) says otherwise. */
export const DEFAULT_EXTRACT_SECONDS = 10;

export function extractTimeoutMs(env = process.env): number {
  const s = Number(env.CROSSCHECK_EXTRACT_TIMEOUT ?? DEFAULT_EXTRACT_SECONDS);
  if (!(s > 0)) throw new Error(`CROSSCHECK_EXTRACT_TIMEOUT should be a number of seconds, not "${env.CROSSCHECK_EXTRACT_TIMEOUT}"`);
  return s * 1000;
}

export interface Job {
  id: number;
  article: Article;
}
export type Reply = { id: number; claims: Claim[]; sentences: Array<[start: number, length: number]> } | { id: number; error: string };

/** The article took longer than the limit: it was not read, and nothing of it is kept. */
export class ExtractionTimeout extends Error {
  readonly refuse = true;
  constructor(
    readonly path: string,
    readonly limitMs: number,
  ) {
    super(`reading its figures took longer than the ${limitMs / 1000} s limit for one article (CROSSCHECK_EXTRACT_TIMEOUT), so it was stopped. Split the text into smaller articles and add them again`);
  }
}

/** The worker died reading the article (out of memory, say): refused like a timeout, never stored without its claims. */
export class ExtractionFailed extends Error {
  readonly refuse = true;
}

export interface Extractor {
  extract(article: Article): Promise<Claim[]>;
  /** Starts the workers now rather than at the first article. */
  warm(): void;
  close(): Promise<void>;
}

interface Pending {
  id: number;
  article: Article;
  resolve: (c: Claim[]) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  ready: boolean;
  busy?: Pending & { timer: NodeJS.Timeout };
}

export function extractionPool(opts: { timeoutMs?: number; workers?: number } = {}): Extractor {
  const timeoutMs = opts.timeoutMs ?? extractTimeoutMs();
  const size = opts.workers ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = () => {
    const slot: Slot = { worker: new Worker(new URL('./worker.mjs', import.meta.url)), ready: false };
    // An idle worker never keeps the process alive; a busy one does, until it answers.
    slot.worker.unref();
    slot.worker.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) {
        slot.ready = true;
        return dispatch();
      }
      const job = slot.busy;
      if (!job || job.id !== m.id) return;
      clearTimeout(job.timer);
      slot.busy = undefined;
      slot.worker.unref();
      if ('error' in m) job.reject(new Error(m.error));
      else {
        // One string per sentence, shared by its claims, as extraction in this thread gives.
        const text = new Map(m.sentences.map(([start, length]) => [start, job.article.text.slice(start, start + length)]));
        for (const c of m.claims) c.sentence = text.get(c.sentenceStart)!;
        job.resolve(m.claims);
      }
      dispatch();
    });
    const gone = (why: Error) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (slot.busy) {
        clearTimeout(slot.busy.timer);
        slot.busy.reject(why);
        slot.busy = undefined;
      }
      // A worker that cannot even start would fail again: the waiting articles are told, not retried forever.
      if (!slot.ready && !closed) for (const job of queue.splice(0)) job.reject(why);
      dispatch();
    };
    slot.worker.on('error', (e) => gone(new ExtractionFailed(`it could not be read: the extraction worker failed (${e.message})`)));
    slot.worker.on('exit', (code) => gone(new ExtractionFailed(`it could not be read: the extraction worker stopped (exit code ${code})`)));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    if (closed) return;
    while (queue.length) {
      const slot = slots.find((s) => s.ready && !s.busy);
      if (!slot) {
        if (slots.length < size) spawn();
        return;
      }
      const job = queue.shift()!;
      // The limit counts from when a worker starts on the article, not from the wait before.
      const timer = setTimeout(() => {
        slot.busy = undefined;
        const i = slots.indexOf(slot);
        if (i >= 0) slots.splice(i, 1);
        void slot.worker.terminate();
        job.reject(new ExtractionTimeout(job.article.path, timeoutMs));
        dispatch();
      }, timeoutMs);
      slot.busy = { ...job, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, article: job.article } satisfies Job);
    }
  };

  return {
    extract(article) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      return new Promise<Claim[]>((resolve, reject) => {
        queue.push({ id: nextId++, article, resolve, reject });
        dispatch();
      });
    },
    warm() {
      while (!closed && slots.length < size) spawn();
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the extraction pool is closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

let shared: Map<number, Extractor> | undefined;
/** One pool per time limit for the whole process (every app of a test run shares it). */
export function sharedExtractor(timeoutMs = extractTimeoutMs()): Extractor {
  shared ??= new Map();
  return shared.get(timeoutMs) ?? shared.set(timeoutMs, extractionPool({ timeoutMs })).get(timeoutMs)!;
}
