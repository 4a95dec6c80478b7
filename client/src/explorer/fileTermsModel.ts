/**
 * Pure logic of the "In This File" view and of the underlines: grouping a document's term
 * occurrences by entry and stepping from one occurrence to the next.
 */
import type { DocumentOccurrence } from '../../../server/src/protocol';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface PositionRange {
  readonly start: Position;
  readonly end: Position;
}

/** One term of the document: its entry, how often it occurs and where, in document order. */
export interface TermGroup<R extends PositionRange = PositionRange> {
  readonly entryId: string;
  /** The glossary term (not the spelling found in the document). */
  readonly term: string;
  readonly count: number;
  readonly ranges: readonly R[];
}

/** Groups occurrences by the entry they resolve to (the first, preferred one), sorted by term. */
export function groupOccurrences(occurrences: readonly DocumentOccurrence[]): TermGroup[] {
  const groups = new Map<string, { term: string; ranges: PositionRange[] }>();
  for (const occurrence of occurrences) {
    const entryId = occurrence.entryIds[0];
    if (entryId === undefined) continue;
    let group = groups.get(entryId);
    if (!group) groups.set(entryId, (group = { term: occurrence.term, ranges: [] }));
    group.ranges.push(occurrence.range);
  }
  return [...groups]
    .map(([entryId, group]) => ({ entryId, term: group.term, count: group.ranges.length, ranges: group.ranges.sort(compareRanges) }))
    .sort((a, b) => a.term.localeCompare(b.term, undefined, { sensitivity: 'base' }) || a.entryId.localeCompare(b.entryId));
}

/**
 * Where "next occurrence" goes from the selection: when an occurrence is selected, the one after
 * it; otherwise the first at or after the cursor. Wraps round to the first.
 */
export function nextRange<R extends PositionRange>(ranges: readonly R[], selection: PositionRange): R | undefined {
  const selected = ranges.some((range) => comparePositions(range.start, selection.start) === 0 && comparePositions(range.end, selection.end) === 0);
  const from = selection.start;
  return ranges.find((range) => (selected ? comparePositions(range.start, from) > 0 : comparePositions(range.start, from) >= 0)) ?? ranges[0];
}

/** The ranges to underline: all of them, or only each entry's first occurrence. */
export function rangesToUnderline(occurrences: readonly DocumentOccurrence[], mode: 'off' | 'firstOccurrence' | 'all'): PositionRange[] {
  if (mode === 'off') return [];
  const sorted = occurrences.filter((occurrence) => occurrence.entryIds.length > 0).sort((a, b) => compareRanges(a.range, b.range));
  if (mode === 'all') return sorted.map((occurrence) => occurrence.range);
  const seen = new Set<string>();
  const ranges: PositionRange[] = [];
  for (const occurrence of sorted) {
    const entryId = occurrence.entryIds[0];
    if (entryId === undefined || seen.has(entryId)) continue;
    seen.add(entryId);
    ranges.push(occurrence.range);
  }
  return ranges;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function compareRanges(a: PositionRange, b: PositionRange): number {
  return comparePositions(a.start, b.start) || comparePositions(a.end, b.end);
}
