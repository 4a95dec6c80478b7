import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMojibake, looksLikeMojibake, repairMojibake } from '../../server/src/core/mojibake';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('mojibake', () => {
  it('repairs the seed document exactly into its UTF-8 original', () => {
    const repaired = repairMojibake(fixture('seed.mojibake.txt'));
    expect(repaired).toBe(fixture('seed.md'));
    expect(repaired).toContain('Задержка');
    expect(repaired).toContain('does not belong to you.”');
  });

  it('recognises the seed as mojibake and the repaired text as clean', () => {
    expect(looksLikeMojibake(fixture('seed.mojibake.txt'))).toBe(true);
    expect(looksLikeMojibake(fixture('seed.md'))).toBe(false);
  });

  it('points at the damaged characters', () => {
    const text = 'A dash ‚Äî here';
    expect(findMojibake(text).map(({ start, end }) => text.slice(start, end))).toEqual(['‚Ä']);
  });

  it('leaves lines alone that do not round-trip, such as ordinary accented or Cyrillic text', () => {
    const text = 'Café — Задержка ✅\nplain ascii';
    expect(repairMojibake(text)).toBe(text);
    expect(findMojibake(text)).toEqual([]);
  });
});
