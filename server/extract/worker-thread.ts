// Inside the extraction worker: reads one article at a time and posts its claims back. Each
// claim's sentence is left out of the message and sent once per sentence as offsets: a run-on
// sentence of a thousand figures is one string here, and must not become a thousand copies.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../types.js';
import { extractClaims } from './index.js';
import type { Job, Reply } from './pool.js';

const port = parentPort!;
port.on('message', ({ id, article }: Job) => {
  let reply: Reply;
  try {
    const claims = extractClaims(article as Article);
    const sentences = new Map<number, number>();
    for (const c of claims) sentences.set(c.sentenceStart, c.sentence.length);
    reply = { id, claims: claims.map((c) => ({ ...c, sentence: '' })), sentences: [...sentences] };
  } catch (e) {
    reply = { id, error: (e as Error).message };
  }
  port.postMessage(reply);
});
// Warm up before saying ready: the first article read compiles the lexicon's patterns, and
// that one-off cost should not count against the time limit of whoever adds an article first.
const sample = '科大讯飞前三季度实现营业收入126.14亿元，同比下滑0.37%；净利润9936万元。\n\nApple said revenue rose 2% to $119.6 billion in the quarter ended Dec. 30, 2023.';
extractClaims({ id: 'warm', path: 'warm.txt', title: 'warm', language: 'zh', text: sample, hash: '', ingestedAt: '', source: 'paste' });
port.postMessage({ ready: true });
