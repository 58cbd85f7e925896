/** Bytes → text for parsers, or the reason a file is not text. */

/** Git's own heuristic: a NUL byte early in the file means binary. */
const BINARY_SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { text: string } | { error: string };

/** Decodes strict UTF-8 (a leading BOM is dropped by the decoder). */
export function decodeText(bytes: Buffer): Decoded {
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) return { error: `binary file (NUL byte at offset ${nul})` };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})` };
  }
}

/**
 * Only runs on the failure path. The lenient decoder turns each bad sequence into U+FFFD; the
 * first one that does not stand for real EF BF BD bytes in the file is where decoding broke.
 */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  const lenient = bytes.toString('utf8');
  let offset = 0;
  let from = 0;
  for (let at = lenient.indexOf('\uFFFD'); at >= 0; at = lenient.indexOf('\uFFFD', from)) {
    offset += Buffer.byteLength(lenient.slice(from, at));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
    offset += 3;
    from = at + 1;
  }
  return offset;
}

/** `52428800` → `50 MB`: binary megabytes, as the limits are written (`4 * 1024 * 1024`). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}
