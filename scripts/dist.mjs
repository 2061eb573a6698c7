// Where the compiled copy lives and whether it is fresh: shared by build.mjs and run.mjs.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(root, 'dist');
export const STAMP = join(DIST, '.built');
/** What the build compiles or copies; tsconfig.build.json includes the same folders. */
export const SOURCE_DIRS = ['server', 'bench'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Every file under a folder, depth first. */
export function sourceFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
};

/** True when the build finished after the last change to any source, data file or config. */
export function distIsFresh() {
  const built = mtime(STAMP);
  if (built < 0) return false;
  for (const c of CONFIGS) if (mtime(join(root, c)) > built) return false;
  for (const dir of SOURCE_DIRS) for (const f of sourceFiles(join(root, dir))) if (mtime(f) > built) return false;
  return true;
}
