// The extraction worker's entry, in plain JavaScript so that Node can start it. In the compiled
// copy (dist/) the worker's JavaScript sits beside this file and is imported as it is. From the
// sources, a worker thread does not inherit the parent's tsx loader (Node 20 does not run
// --import in workers), so tsx's ESM hooks are registered for this thread first.
import { existsSync } from 'node:fs';

const compiled = new URL('./worker-thread.js', import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker-thread.ts');
}
