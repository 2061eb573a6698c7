// What `npm install --omit=dev` leaves must run every command: each package the server imports
// is a dependency, not a devDependency. And the README's redirected commands use `npm run -s`,
// or npm's banner ends up at the top of the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

test('every package imported by server/ at run time is a dependency', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const deps = new Set(Object.keys(pkg.dependencies ?? {}));
  const used = new Set<string>();
  for (const file of sources(join(ROOT, 'server'))) {
    const text = readFileSync(file, 'utf8');
    // Type-only imports vanish at run time; everything else must resolve in production.
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      used.add(packageOf(spec));
    }
  }
  assert.ok(used.has('parse5'), 'the check sees the HTML reader');
  for (const p of used) assert.ok(deps.has(p), `${p} is imported by server/ but is not in "dependencies"`);
  assert.ok(deps.has('tsx'), 'npm start runs through tsx');
});

test('README: commands whose output is redirected use npm run -s', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const redirected = readme.split('\n').filter((l) => /npm run\b.*\s>\s*\S/.test(l));
  assert.ok(redirected.length >= 1);
  for (const l of redirected) assert.match(l, /npm run -s /, l.trim());
});
