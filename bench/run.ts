// `npm run bench`: the pipeline benchmark, adversarial inputs, then the web benchmark when bench/web.ts is there.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchPipeline } from './pipeline.js';
import { benchAdversarial } from './adversarial.js';

await benchPipeline();
benchAdversarial();

const web = new URL('./web.ts', import.meta.url);
if (existsSync(fileURLToPath(web))) {
  // A computed specifier: the type check must not require a file that may not exist yet.
  const mod = (await import(web.href)) as { benchWeb?: () => unknown };
  if (typeof mod.benchWeb === 'function') await mod.benchWeb();
  else console.log('\nbench/web.ts does not export benchWeb(); web benchmark skipped.');
}
