import { describe, expect, it } from 'vitest';
import { GAP_BREAK, GAP_JOIN, GAP_SOFT, isWordCharAt, splitIdentifier, tokenize } from '../../server/src/core/identifiers';

/** Each subword with its UTF-16 span, as `text@start-end`. */
function spans(text: string): string[] {
  const subwords = tokenize(text);
  const out: string[] = [];
  for (let k = 0; k < subwords.count; k++) {
    out.push(`${text.slice(subwords.starts[k], subwords.ends[k])}@${subwords.starts[k]}-${subwords.ends[k]}`);
  }
  return out;
}

describe('splitIdentifier', () => {
  it('splits camelCase where a lower-case letter meets a capital', () => {
    expect(splitIdentifier('etagMatches')).toEqual(['etag', 'Matches']);
    expect(splitIdentifier('cherryPick')).toEqual(['cherry', 'Pick']);
  });

  it('keeps an upper-case run whole before a capitalised word', () => {
    expect(splitIdentifier('QUICListener')).toEqual(['QUIC', 'Listener']);
    expect(splitIdentifier('JWTDecoder')).toEqual(['JWT', 'Decoder']);
    expect(splitIdentifier('HTTPServer')).toEqual(['HTTP', 'Server']);
    expect(splitIdentifier('IOBound')).toEqual(['IO', 'Bound']);
  });

  it('splits a single capital off the capitalised word after it', () => {
    expect(splitIdentifier('ETag')).toEqual(['E', 'Tag']);
    expect(splitIdentifier('ETags')).toEqual(['E', 'Tags']);
    expect(splitIdentifier('OAuth2')).toEqual(['O', 'Auth', '2']);
  });

  it('keeps a lower-case plural s after an acronym as a subword of its own', () => {
    expect(splitIdentifier('JWTs')).toEqual(['JWT', 's']);
    expect(splitIdentifier('CNAMEs')).toEqual(['CNAME', 's']);
    expect(splitIdentifier('SLOsMet')).toEqual(['SLO', 's', 'Met']);
    // Upper-case S is part of the acronym: JWKS is not JWK plus a plural.
    expect(splitIdentifier('JWKS')).toEqual(['JWKS']);
  });

  it('splits letters from digits', () => {
    expect(splitIdentifier('raid5')).toEqual(['raid', '5']);
    expect(splitIdentifier('http3')).toEqual(['http', '3']);
    expect(splitIdentifier('HTTP2Server')).toEqual(['HTTP', '2', 'Server']);
  });

  it('splits at underscores, hyphens, dots, slashes and whitespace', () => {
    expect(splitIdentifier('SA_RESTART')).toEqual(['SA', 'RESTART']);
    expect(splitIdentifier('cherry-pick')).toEqual(['cherry', 'pick']);
    expect(splitIdentifier('sys.stdin')).toEqual(['sys', 'stdin']);
    expect(splitIdentifier('I/O bound')).toEqual(['I', 'O', 'bound']);
    expect(splitIdentifier('  ACCESS_TOKEN = "x"  ')).toEqual(['ACCESS', 'TOKEN', 'x']);
  });

  it('treats Cyrillic and other Unicode letters as letters, with their case', () => {
    expect(splitIdentifier('Пропускная способность')).toEqual(['Пропускная', 'способность']);
    expect(splitIdentifier('задержкаСети')).toEqual(['задержка', 'Сети']);
    expect(splitIdentifier('Gödel')).toEqual(['Gödel']);
  });

  it('keeps combining marks inside their word', () => {
    expect(splitIdentifier('cafe\u0301Menu')).toEqual(['cafe\u0301', 'Menu']);
  });

  it('splits caseless scripts from cased ones', () => {
    expect(splitIdentifier('用户Token')).toEqual(['用户', 'Token']);
  });

  it('ends a word of a script without case at a line break, tab or control character', () => {
    expect(splitIdentifier('缓存\n下一行')).toEqual(['缓存', '下一行']);
    expect(splitIdentifier('مرحبا\tعالم\r\n')).toEqual(['مرحبا', 'عالم']);
    expect(splitIdentifier('שלום\u0001x')).toEqual(['שלום', 'x']);
  });

  it('finds nothing in text without letters or digits', () => {
    expect(splitIdentifier('')).toEqual([]);
    expect(splitIdentifier(' -> {}; 🚀 ')).toEqual([]);
  });
});

describe('tokenize', () => {
  it('reports UTF-16 offsets around astral characters such as emoji', () => {
    expect(spans('🚀etag😀Matches')).toEqual(['etag@2-6', 'Matches@8-15']);
  });

  it('keeps astral letters whole, never splitting a surrogate pair', () => {
    // U+1D41A MATHEMATICAL BOLD SMALL A is a lower-case letter outside the BMP.
    expect(spans('x\u{1d41a}y Z')).toEqual(['x\u{1d41a}y@0-4', 'Z@5-6']);
  });

  it('counts the low half of an astral letter as a word character, and a lone low surrogate as none', () => {
    expect(isWordCharAt('x\u{1d41a}', 2)).toBe(true);
    expect(isWordCharAt('x😀', 2)).toBe(false);
    expect(isWordCharAt('xA\uDC00', 2)).toBe(false);
  });

  it('hashes subwords case-insensitively', () => {
    const subwords = tokenize('ETAG etag Etag');
    expect(subwords.hashes[0]).toBe(subwords.hashes[1]);
    expect(subwords.hashes[1]).toBe(subwords.hashes[2]);
  });

  it('marks numbers and letter case in subword flags', () => {
    const subwords = tokenize('raid5 ABC');
    expect(subwords.count).toBe(3);
    expect([subwords.flags[0], subwords.flags[1], subwords.flags[2]]).toEqual([2, 1, 4]);
  });

  it('classifies what joins two subwords', () => {
    const gapsOf = (text: string): number[] => {
      const subwords = tokenize(text);
      return Array.from(subwords.gaps.subarray(0, subwords.count - 1));
    };
    expect(gapsOf('a b\tc__d.e/f-g\'h’iJ')).toEqual(Array(9).fill(GAP_JOIN));
    expect(gapsOf('simple, stupid')).toEqual([GAP_SOFT]);
    for (const text of ['access\ntoken', 'a(b', 'a::b', 'a - b', 'a, , b', 'a;b']) expect(gapsOf(text)).toEqual([GAP_BREAK]);
  });

  it('splits only the requested range and recycles a buffer', () => {
    const text = 'alphaBeta\ngammaDelta';
    const first = tokenize(text, undefined, 0, 9);
    expect(first.count).toBe(2);
    const second = tokenize(text, first, 10, text.length);
    expect(second).toBe(first);
    expect([second.count, second.starts[0], second.ends[1]]).toEqual([2, 10, 20]);
  });
});
