// Replacing a file so that readers see the old or the new content, never a mix, and so
// that the new content survives a power loss once the call returns: a temp file of our
// own, fsynced, renamed over the target, then the folder fsynced so the rename is kept.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Unique per writer (pid + random), so two writers never share a temp file. */
export const tempNameFor = (file: string) => join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Our temp names, and steno's older fixed one (.claims.json.tmp). */
export const isTempOf = (file: string, name: string) => {
  const base = `.${basename(file)}.`;
  return name.startsWith(base) && /^(\d+\.[0-9a-f]+\.)?tmp$/.test(name.slice(base.length));
};

/** `text` may come in pieces (jsonChunks), so that no single string has to hold the whole file. */
export async function writeFileDurably(file: string, text: string | Iterable<string>, beforeRename: () => void | Promise<void> = () => {}): Promise<void> {
  const temp = tempNameFor(file);
  try {
    const fh = await open(temp, 'wx');
    try {
      if (typeof text === 'string') await fh.writeFile(text);
      else for (const chunk of text) await writeAll(fh, Buffer.from(chunk, 'utf8'));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await beforeRename(); // may throw: the target is then left as it was
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncDir(dirname(file));
}

/** write(2) may write less than asked (a full disk, a signal): go on until all of it is written. */
async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  for (let at = 0; at < buf.length; ) at += (await fh.write(buf, at, buf.length - at)).bytesWritten;
}

async function syncDir(dir: string) {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some systems cannot fsync a folder (EISDIR, EPERM); the file itself is synced.
  }
}

/** Removes temp files left by killed writers. Call only while holding the lock: no one else is writing. */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const dir = dirname(file);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => isTempOf(file, n));
  await Promise.all(names.map((n) => rm(join(dir, n), { force: true })));
  return names;
}
