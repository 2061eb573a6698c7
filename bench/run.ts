// `npm run bench`: the pipeline benchmark, adversarial inputs, `report` on whole libraries, the web
// benchmark when bench/web.ts is there, adding one article to a large library (BENCH_INCREMENTAL=0
// skips it), then the review app on PostgreSQL with 20 reviewers (when DATABASE_URL is set).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchPipeline } from './pipeline.js';
import { benchAdversarial } from './adversarial.js';
import { benchLibrary } from './library.js';
import { benchIncremental } from './incremental.js';

await benchPipeline();
benchAdversarial();
await benchLibrary();

// web.ts from the sources, web.js in the compiled copy.
const web = ['./web.ts', './web.js'].map((f) => new URL(f, import.meta.url)).find((u) => existsSync(fileURLToPath(u)));
if (web) {
  // A computed specifier: the type check must not require a file that may not exist yet.
  const mod = (await import(web.href)) as { benchWeb?: () => unknown };
  if (typeof mod.benchWeb === 'function') await mod.benchWeb();
  else console.log('\nbench/web.ts does not export benchWeb(); web benchmark skipped.');
}

await benchIncremental();

// PostgreSQL with 20 reviewers at once, when DATABASE_URL is set.
const { benchWebPg } = await import('./web-pg.js');
await benchWebPg();
