import { describe, expect, it } from 'vitest';
import { groupOccurrences, nextRange, rangesToUnderline, type PositionRange } from '../../client/src/explorer/fileTermsModel';
import type { DocumentOccurrence } from '../../server/src/protocol';

/** A range on one line, from `character` for `length` characters. */
const at = (line: number, character: number, length = 4): PositionRange => ({
  start: { line, character },
  end: { line, character: character + length },
});

/** The server names each occurrence by its entry's term, whatever the spelling in the document. */
const names: Record<string, string> = { etag: 'ETag', jwt: 'JWT', api: 'api', cache: 'Cache', 'a#cache': 'Cache', 'b#cache': 'Cache' };
const occurrence = (entryIds: readonly string[], range: PositionRange): DocumentOccurrence => ({ range, term: names[entryIds[0] ?? ''] ?? '', entryIds });

/** An empty selection: a cursor. */
const cursor = (line: number, character: number): PositionRange => at(line, character, 0);

describe('grouping the occurrences of a file', () => {
  it('groups occurrences by entry, with their count, named by the glossary term', () => {
    const groups = groupOccurrences([occurrence(['etag'], at(0, 0)), occurrence(['jwt'], at(1, 5)), occurrence(['etag'], at(3, 2))]);
    expect(groups.map(({ entryId, term, count }) => ({ entryId, term, count }))).toEqual([
      { entryId: 'etag', term: 'ETag', count: 2 },
      { entryId: 'jwt', term: 'JWT', count: 1 },
    ]);
  });

  it("lists each group's places in document order, whatever order the server sent", () => {
    const [group] = groupOccurrences([occurrence(['etag'], at(7, 1)), occurrence(['etag'], at(2, 9)), occurrence(['etag'], at(2, 3)), occurrence(['etag'], at(0, 40))]);
    expect(group!.ranges).toEqual([at(0, 40), at(2, 3), at(2, 9), at(7, 1)]);
  });

  it('sorts the groups by term, ignoring case', () => {
    const groups = groupOccurrences([occurrence(['jwt'], at(0, 0)), occurrence(['etag'], at(1, 0)), occurrence(['api'], at(2, 0)), occurrence(['cache'], at(3, 0))]);
    expect(groups.map((group) => group.term)).toEqual(['api', 'Cache', 'ETag', 'JWT']);
  });

  it('an occurrence naming several entries counts for the first, preferred one only', () => {
    const groups = groupOccurrences([occurrence(['etag', 'jwt'], at(0, 0)), occurrence(['jwt'], at(1, 0))]);
    expect(groups.map(({ entryId, count }) => [entryId, count])).toEqual([
      ['etag', 1],
      ['jwt', 1],
    ]);
  });

  it('two entries with the same name stay two groups', () => {
    const groups = groupOccurrences([occurrence(['b#cache'], at(0, 0)), occurrence(['a#cache'], at(1, 0))]);
    expect(groups.map((group) => group.entryId)).toEqual(['a#cache', 'b#cache']);
  });

  it('an occurrence that resolves to no entry is left out', () => {
    expect(groupOccurrences([occurrence([], at(0, 0))])).toEqual([]);
  });

  it('a file without terms has no groups', () => {
    expect(groupOccurrences([])).toEqual([]);
  });
});

describe('going to the next occurrence', () => {
  const ranges = [at(2, 4), at(2, 20), at(5, 0), at(9, 12)];

  it('from a cursor before every occurrence, goes to the first', () => {
    expect(nextRange(ranges, cursor(0, 0))).toEqual(at(2, 4));
  });

  it('from a cursor between two occurrences, goes to the one after it', () => {
    expect(nextRange(ranges, cursor(2, 10))).toEqual(at(2, 20));
    expect(nextRange(ranges, cursor(3, 0))).toEqual(at(5, 0));
  });

  it('compares lines before columns', () => {
    // Column 50 on line 4 is after (2, 20) though (5, 0) has a smaller column.
    expect(nextRange(ranges, cursor(4, 50))).toEqual(at(5, 0));
  });

  it('a cursor at the start of an occurrence goes to that occurrence', () => {
    expect(nextRange(ranges, cursor(5, 0))).toEqual(at(5, 0));
  });

  it('an occurrence that is selected moves on to the one after it', () => {
    expect(nextRange(ranges, at(2, 4))).toEqual(at(2, 20));
    expect(nextRange(ranges, at(5, 0))).toEqual(at(9, 12));
  });

  it('next occurrence wraps round to the first', () => {
    expect(nextRange(ranges, at(9, 12))).toEqual(at(2, 4));
    expect(nextRange(ranges, cursor(20, 0))).toEqual(at(2, 4));
  });

  it('clicking repeatedly visits every occurrence once, then starts again', () => {
    const visited: PositionRange[] = [];
    let selection: PositionRange = cursor(0, 0);
    for (let step = 0; step < ranges.length + 1; step++) {
      selection = nextRange(ranges, selection)!;
      visited.push(selection);
    }
    expect(visited).toEqual([...ranges, ranges[0]]);
  });

  it('the only occurrence, once selected, stays selected', () => {
    expect(nextRange([at(3, 3)], at(3, 3))).toEqual(at(3, 3));
  });

  it('a term with no occurrences goes nowhere', () => {
    expect(nextRange([], cursor(0, 0))).toBeUndefined();
  });

  it('returns the very range object it was given, so callers keep their own range type', () => {
    const tagged = ranges.map((range, index) => ({ ...range, index }));
    expect(nextRange(tagged, cursor(3, 0))?.index).toBe(2);
  });
});

describe('choosing what to underline', () => {
  // Sent out of order, as nothing promises document order.
  const sample = () => [
    occurrence(['jwt'], at(4, 0)),
    occurrence(['etag'], at(3, 8)),
    occurrence(['etag'], at(1, 2)),
    occurrence(['jwt', 'etag'], at(0, 10)),
    occurrence(['etag'], at(6, 0)),
  ];
  const occurrences = sample();

  it('an occurrence that resolves to no entry is underlined in no mode', () => {
    const withOrphan = [...sample(), occurrence([], at(2, 0))];
    expect(rangesToUnderline(withOrphan, 'all')).not.toContainEqual(at(2, 0));
    expect(rangesToUnderline(withOrphan, 'firstOccurrence')).not.toContainEqual(at(2, 0));
  });

  it('"off" underlines nothing', () => {
    expect(rangesToUnderline(occurrences, 'off')).toEqual([]);
  });

  it('"all" underlines every occurrence, in document order', () => {
    expect(rangesToUnderline(occurrences, 'all')).toEqual([at(0, 10), at(1, 2), at(3, 8), at(4, 0), at(6, 0)]);
  });

  it('firstOccurrence underlines each entry once, at its first place in the document', () => {
    // (0, 10) is JWT's first place (its preferred entry), (1, 2) ETag's.
    expect(rangesToUnderline(occurrences, 'firstOccurrence')).toEqual([at(0, 10), at(1, 2)]);
  });

  it('firstOccurrence treats different spellings of one entry (ETag, etags, entity tag) as the same term', () => {
    const spelled = [occurrence(['etag'], at(0, 0, 4)), occurrence(['etag'], at(2, 0, 5)), occurrence(['etag'], at(3, 0, 10))];
    expect(rangesToUnderline(spelled, 'firstOccurrence')).toEqual([at(0, 0)]);
  });

  it('a file without terms underlines nothing', () => {
    expect(rangesToUnderline([], 'all')).toEqual([]);
    expect(rangesToUnderline([], 'firstOccurrence')).toEqual([]);
  });

  it('does not reorder the occurrences it was given', () => {
    for (const mode of ['all', 'firstOccurrence'] as const) {
      const given = sample();
      rangesToUnderline(given, mode);
      expect(given, mode).toEqual(sample());
    }
  });
});
