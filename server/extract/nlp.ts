// compromise, loaded on first use: only an English title that names nothing the lexicon knows
// needs it, and importing it costs about 0.2–0.45 s of start-up. Its CommonJS build is required
// synchronously (extraction is synchronous); it is the same release as the ES module.
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

let loaded: typeof nlpType | undefined;

export function nlp(text: string): ReturnType<typeof nlpType> {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return loaded(text);
}
