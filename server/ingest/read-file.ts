// Reads one file as article text, or says plainly why it is not one.
// Decoding is strict: broken text is an error, never silently replaced, because offsets and
// quotes must match the file a reviewer can open. UTF-8 is expected; a byte order mark
// (UTF-8, UTF-16) decides, and a file that is not UTF-8 is read as GB18030/GBK or Big5 when it
// reads as Chinese in one of them (encoding.ts), and the encoding is said.
import { decodeText, encodingName, type DecodedText } from './encoding.js';

export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type Decoded = { ok: true; text: string; encoding: DecodedText['encoding'] } | { ok: false; error: string };

/** Decodes file bytes as article text (a BOM is dropped), rejecting empty, binary and oversized input. */
export function decodeArticleBytes(bytes: Uint8Array, name: string): Decoded {
  if (bytes.length === 0) return { ok: false, error: `${name}: the file is empty` };
  if (bytes.length > MAX_ARTICLE_BYTES)
    return { ok: false, error: `${name}: ${(bytes.length / 1048576).toFixed(1)} MB is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article` };
  // UTF-16 is full of NUL bytes: it is judged by its characters once decoded.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes)) return { ok: false, error: `${name}: this looks like a binary file, not text` };
  const d = decodeText(bytes);
  if ('error' in d) return { ok: false, error: `${name}: ${utf16 ? 'this looks like a binary file, not text (it starts like UTF-16 but is not valid UTF-16)' : d.error}` };
  if (utf16 && looksBinary(d.text)) return { ok: false, error: `${name}: this looks like a binary file, not text` };
  if (d.text.trim() === '') return { ok: false, error: `${name}: the file holds only white space` };
  return { ok: true, text: d.text, encoding: d.encoding };
}

/** What to tell a user about a file read in another encoding than UTF-8, if anything. */
export const encodingNote = (e: DecodedText['encoding']) => (e === 'utf-8' ? undefined : `read as ${encodingName(e)}, not UTF-8`);

/** A NUL byte, or many control characters in the first 8 KB, means binary. */
function looksBinary(bytes: Uint8Array | string): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = typeof bytes === 'string' ? bytes.charCodeAt(i) : bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.1;
}
