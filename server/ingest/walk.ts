// Finds the article files under the paths given: folders recursively, files as named.
// What is skipped is said, with the reason, so a user never wonders where a file went.
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

export interface FoundFile {
  abs: string;
  /** The path named by the user that led here (absolute). */
  root: string;
  /** Relative to the folder named on the command line (or the file name), with `/`. */
  rel: string;
}
export interface Skipped {
  path: string;
  reason: string;
}

const isReadme = (name: string) => /^(readme|license|changelog|contributing)(\..*)?$/i.test(name);

export function findArticleFiles(paths: string[]): { files: FoundFile[]; skipped: Skipped[]; errors: Skipped[] } {
  const files: FoundFile[] = [];
  const skipped: Skipped[] = [];
  const errors: Skipped[] = [];
  for (const p of paths) {
    const root = resolve(p);
    let st;
    try {
      st = statSync(root);
    } catch {
      errors.push({ path: p, reason: 'no such file or folder' });
      continue;
    }
    if (st.isFile()) {
      consider(root, basename(root), root, files, skipped, true);
      continue;
    }
    if (!st.isDirectory()) {
      // Never opened: reading a FIFO would wait for a writer forever.
      errors.push({ path: p, reason: `${special(st)}, not a file or folder` });
      continue;
    }
    const walk = (dir: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        errors.push({ path: dir, reason: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const abs = join(dir, e.name);
        const rel = relative(root, abs).split(sep).join('/');
        if (e.isDirectory()) walk(abs);
        else if (e.isFile()) consider(abs, rel, root, files, skipped, false);
        // Links are not followed (they may lead out of the library, or round in a loop); nor are FIFOs, sockets or devices read.
        else if (e.isSymbolicLink()) skipped.push({ path: rel, reason: 'a symbolic link, not followed (copy the file into the folder, or name it on the command line)' });
        else skipped.push({ path: rel, reason: `${special(e)}, not a regular file` });
      }
    };
    walk(root);
  }
  return { files, skipped, errors };
}

/** What kind of special file it is, in words. */
function special(e: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (e.isFIFO()) return 'a FIFO (named pipe)';
  if (e.isSocket()) return 'a socket';
  if (e.isBlockDevice() || e.isCharacterDevice()) return 'a device';
  return 'a special file';
}

function consider(abs: string, rel: string, root: string, files: FoundFile[], skipped: Skipped[], named: boolean) {
  const name = basename(abs);
  if (isReadme(name)) skipped.push({ path: rel, reason: 'a README or project file, not an article' });
  else if (!ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()))
    skipped.push({ path: rel, reason: named ? `not an article file (.txt, .md or .html expected)` : 'not a .txt, .md or .html file' });
  else files.push({ abs, rel, root });
}
