// `npm run build` (also run by `npm install` through `prepare`): compiles server/ and bench/ to
// dist/ with tsc, copies the data files they read beside them, and stamps the build. Nothing
// depends on it: scripts/run.mjs uses dist/ only while the stamp is newer than every source.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, SOURCE_DIRS, STAMP, sourceFiles } from './dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = join(dirname(createRequire(join(root, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  // An install without dev dependencies: the CLI keeps running from the sources through tsx.
  console.warn('crosscheck build: typescript is not installed; skipped (the CLI runs through tsx).');
  process.exit(0);
}
rmSync(STAMP, { force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
for (const dir of SOURCE_DIRS)
  for (const f of sourceFiles(join(root, dir))) if (!f.endsWith('.ts')) cpSync(f, join(DIST, f.slice(root.length + 1)));
if (!existsSync(join(DIST, 'server/cli/main.js'))) throw new Error('crosscheck build: tsc wrote no dist/server/cli/main.js');
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
