// `crosscheck export`: renders one format from the store to --out FILE or stdout, a chunk at a
// time (an export can be larger than one string). Usage mistakes (unknown format or status)
// exit 2 with the choices; a file that cannot be written exits 1.
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { resolve } from 'node:path';
import type { Store } from '../store/index.js';
import { writeChunks } from '../store/json-stream.js';
import { ExportError, STATUSES, type ExportFilters } from './filters.js';
import { EXPORT_FORMATS, exportChunks, isExportFormat } from './index.js';

export interface ExportIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const write = (s: NodeJS.WritableStream, text: string) => new Promise<void>((ok, fail) => s.write(text, (e) => (e ? fail(e) : ok())));

/** The chunks to a stream; the last, empty write's callback comes once all before it were handed on. */
async function writeOut(s: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  await writeChunks(s, chunks);
  await write(s, '');
}

/** The chunks to a file, created or truncated as writeFile does (so /dev/stdout works too). */
async function writeToFile(path: string, chunks: Iterable<string>): Promise<void> {
  const out = (await open(path, 'w')).createWriteStream();
  try {
    await writeChunks(out, chunks);
  } catch (e) {
    out.destroy(); // closes the file
    throw e;
  }
  out.end();
  await finished(out);
}

/** A failure of the file system (it has a syscall), as opposed to a bug while rendering. */
const systemErrorCode = (e: unknown) => ((e as NodeJS.ErrnoException).syscall ? ((e as NodeJS.ErrnoException).code ?? (e as Error).message) : undefined);

export async function runExport(
  store: Store,
  o: { format?: string; status?: string; out?: string; baseUrl?: string },
  io: ExportIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const fail = async (msg: string, code: number) => (await write(io.stderr, `crosscheck export: ${msg}\n`), code);
  if (!o.format) return fail(`--format is required: ${EXPORT_FORMATS.join(', ')}`, 2);
  if (!isExportFormat(o.format)) return fail(`unknown format "${o.format}": choose ${EXPORT_FORMATS.join(', ')}`, 2);
  const status = o.status ?? 'all';
  if (!(STATUSES as readonly string[]).includes(status)) return fail(`unknown status "${status}": choose ${STATUSES.join(', ')}`, 2);

  if (o.baseUrl && !/^https?:\/\/[^\s/]+/i.test(o.baseUrl)) return fail(`--base-url should be an http(s) address, e.g. https://desk.example.org/`, 2);
  const db = store.read();
  let file;
  try {
    file = exportChunks(db, o.format, { status: status as ExportFilters['status'] }, { baseUrl: o.baseUrl });
  } catch (e) {
    if (e instanceof ExportError) return fail(e.message, 2);
    throw e;
  }
  // An empty export is valid but usually a mistake (wrong --db, nothing ingested): say so.
  if (!db.articles.length) await write(io.stderr, `crosscheck export: ${store.location} holds no articles; run ingest first\n`);
  if (!o.out) {
    await writeOut(io.stdout, file.chunks);
    return 0;
  }
  const path = resolve(o.out);
  try {
    await writeToFile(path, file.chunks);
  } catch (e) {
    const code = systemErrorCode(e);
    if (code === undefined) throw e;
    return fail(`cannot write ${path}: ${code}`, 1);
  }
  await write(io.stderr, `wrote ${o.format} to ${path}\n`);
  return 0;
}
