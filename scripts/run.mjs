// Runs a TypeScript entry point (server/cli/main.ts, bench/run.ts) from the compiled copy in dist/
// when that copy is fresh, so the hot path starts without a run-time transpiler (about 0.5 s);
// otherwise from the sources through tsx, which behaves the same, only slower to start.
//
// usage: node scripts/run.mjs ENTRY.ts [args…]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, distIsFresh } from './dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.argv[2];
if (!entry?.endsWith('.ts')) {
  console.error('usage: node scripts/run.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const source = resolve(root, entry);
const compiled = join(DIST, source.slice(root.length + 1).replace(/\.ts$/, '.js'));
const fresh = process.env.CROSSCHECK_NO_DIST !== '1' && distIsFresh();
// The entry sees the argv it would see run directly: [node, itself, args…].
const target = fresh ? compiled : source;
process.argv.splice(1, 2, target);
if (!fresh) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(target).href);
