/**
 * Detects and repairs UTF-8 text that was once decoded as Mac Roman and saved again
 * ("‚Äî" where "—" belongs, "–ó–∞–¥" for "Зад"). The repair re-encodes each line as Mac Roman
 * and decodes the bytes as UTF-8; a line that does not round-trip exactly is left alone.
 */

let macRomanEncoder: Map<string, number> | undefined;

/** Mac Roman's character for each byte, inverted. Built from the platform's own decoder. */
function macRomanBytes(): Map<string, number> {
  if (!macRomanEncoder) {
    const decoder = new TextDecoder('macintosh');
    macRomanEncoder = new Map();
    for (let byte = 0; byte < 256; byte++) {
      macRomanEncoder.set(decoder.decode(new Uint8Array([byte])), byte);
    }
  }
  return macRomanEncoder;
}

// Lead bytes of multi-byte UTF-8 sequences (0xC2-0xF4) seen through Mac Roman, followed by a
// continuation byte (0x80-0xBF) seen through Mac Roman. Such pairs almost never occur in real text,
// which makes them a cheap and reliable fingerprint.
let fingerprint: RegExp | undefined;

function mojibakeFingerprint(): RegExp {
  if (!fingerprint) {
    const decoder = new TextDecoder('macintosh');
    const charsOf = (from: number, to: number) => {
      let chars = '';
      for (let byte = from; byte <= to; byte++) chars += decoder.decode(new Uint8Array([byte]));
      return chars.replace(/[\\\]^-]/g, '\\$&');
    };
    fingerprint = new RegExp(`[${charsOf(0xc2, 0xf4)}][${charsOf(0x80, 0xbf)}]`, 'gu');
  }
  return fingerprint;
}

/** Spans that look like Mac Roman mojibake, for diagnostics. */
export function findMojibake(text: string, limit = 100): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(mojibakeFingerprint())) {
    const start = match.index;
    // Only report sequences that really repair, so "–Ñ" in a table of symbols is not flagged.
    const line = lineAround(text, start);
    if (repairLine(line.text) === line.text) continue;
    spans.push({ start, end: start + match[0].length });
    if (spans.length >= limit) break;
  }
  return spans;
}

/** True when the text contains enough repairable mojibake to be worth a warning. */
export function looksLikeMojibake(text: string): boolean {
  return findMojibake(text, 3).length >= 3;
}

/** Repairs every line that round-trips exactly; other lines are returned unchanged. */
export function repairMojibake(text: string): string {
  return text.split('\n').map(repairLine).join('\n');
}

function repairLine(line: string): string {
  const table = macRomanBytes();
  const bytes = new Uint8Array(line.length * 3);
  let length = 0;
  for (const char of line) {
    const byte = table.get(char);
    if (byte === undefined) return line;
    bytes[length++] = byte;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length));
  } catch {
    return line;
  }
}

function lineAround(text: string, offset: number): { text: string } {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return { text: text.slice(start, end === -1 ? text.length : end) };
}
