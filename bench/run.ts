// `npm run bench`: the pipeline benchmark, adversarial inputs, the web benchmark when bench/web.ts is
// there, then adding one article to a large library (BENCH_INCREMENTAL=0 skips it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchPipeline } from './pipeline.js';
import { benchAdversarial } from './adversarial.js';
import { benchIncremental } from './incremental.js';

await benchPipeline();
benchAdversarial();

// web.ts from the sources, web.js in the compiled copy.
const web = ['./web.ts', './web.js'].map((f) => new URL(f, import.meta.url)).find((u) => existsSync(fileURLToPath(u)));
if (web) {
  // A computed specifier: the type check must not require a file that may not exist yet.
  const mod = (await import(web.href)) as { benchWeb?: () => unknown };
  if (typeof mod.benchWeb === 'function') await mod.benchWeb();
  else console.log('\nbench/web.ts does not export benchWeb(); web benchmark skipped.');
}

await benchIncremental();
