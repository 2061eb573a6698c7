// The extraction worker's entry, in plain JavaScript so that Node can start it: a worker
// thread does not inherit the parent's tsx loader (Node 20 does not run --import in workers),
// so tsx's ESM hooks are registered for this thread (tsx/esm/api), then the TypeScript side
// of the worker is imported through them.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
