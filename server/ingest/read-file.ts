// Reads one file as article text, or says plainly why it is not one.
// Decoding is strict: broken UTF-8 is an error, never silently replaced,
// because offsets and quotes must match the file a reviewer can open.

export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Decodes file bytes as UTF-8 article text (a BOM is dropped), rejecting empty, binary and oversized input. */
export function decodeArticleBytes(bytes: Uint8Array, name: string): Decoded {
  if (bytes.length === 0) return { ok: false, error: `${name}: the file is empty` };
  if (bytes.length > MAX_ARTICLE_BYTES)
    return { ok: false, error: `${name}: ${(bytes.length / 1048576).toFixed(1)} MB is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article` };
  if (looksBinary(bytes)) return { ok: false, error: `${name}: this looks like a binary file, not text` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: `${name}: the text is not valid UTF-8 (save it as UTF-8 and try again)` };
  }
  if (text.trim() === '') return { ok: false, error: `${name}: the file holds only white space` };
  return { ok: true, text };
}

/** A NUL byte, or many control characters in the first 8 KB, means binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.1;
}
