/** Maps UTF-16 offsets of one text to 0-based line numbers. */
export interface LineIndex {
  lineAt(offset: number): number;
}

/** Builds a line index over `text` (`\n`, `\r\n` and lone `\r` all end a line). */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return {
    lineAt(offset: number): number {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}
