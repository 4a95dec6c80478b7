import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCaseMode, describeName } from '../../server/src/core/normalize';
import { ORDINARY_WORDS } from '../../server/src/core/ordinaryWords';
import { createTermMatcher, nameKey, type MatchableName } from '../../server/src/core/termMatcher';

/** Terms and aliases from the seed glossary (test/fixtures/seed.md), one entry id per term. */
const SEED: Record<string, readonly string[]> = {
  ETag: ['Etag'],
  REST: ['Representational State Transfer'],
  'Cherry Pick': ['cherry-pick'],
  'Git Cherry-Pick': [],
  SLI: ['Service Level Indicator'],
  SLO: ['Service Level Objective'],
  SLA: ['Service Level Agreement'],
  JWT: ['JavaScript Web Token'],
  JWK: ['JavaScript Web Key'],
  HTTP: ['HTTP/1.1'],
  'HTTP/2': [],
  'HTTP/3': [],
  QUIC: [],
  '0.0.0.0': [],
  'sys.stdin': [],
  Latency: ['Задержка'],
  Throughput: ['Пропускная способность'],
  'Low Latency': [],
  'Dependency Injection': [],
  'Dependency Injection Containers': [],
  'Access Token': [],
  Fixtures: ['Fixture'],
  'I/O Bound': [],
  'CPU Bound': [],
  'ASN.1': ['Abstract Syntax Notation One'],
  PEM: [],
  DER: ['Distinguished Encoding Rules'],
  DRY: ["Don't Repeat Yourself"],
  KISS: ['Keep It Simple, Stupid'],
  SUS: ['Single Unix Specification'],
  'Monkey Patch': ['monkeypatch'],
  Cookie: [],
  CNAME: ['Canonical Name record'],
  RAID: ['Redundant Array of Independent Disks'],
  'TCP/IP': [],
  Token: [],
};

const idOf = (term: string): string => `seed.md#${term.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
const seedNames: MatchableName[] = Object.entries(SEED).flatMap(([term, aliases]) =>
  [term, ...aliases].map((name) => ({ name, term, entryIds: [idOf(term)] })),
);
const seed = createTermMatcher(seedNames);

/** Every occurrence as `matched text → term`. */
function found(text: string, matcher = seed): string[] {
  return matcher.scan(text).map((o) => `${text.slice(o.start, o.end)} → ${o.term}`);
}

/** The terms found in `text`, in order. */
const terms = (text: string, matcher = seed): string[] => matcher.scan(text).map((o) => o.term);

describe('nameKey', () => {
  it('gives every spelling of a name the same key', () => {
    expect(nameKey('cherry_pick')).toBe(nameKey('Cherry Pick'));
    expect(nameKey('cherryPick')).toBe('cherrypick');
    expect(nameKey('HTTP/2')).toBe(nameKey('http2'));
    expect(nameKey('Задержка')).toBe('задержка');
  });

  it('keys literal names by their letters and digits too', () => {
    expect(nameKey('0.0.0.0')).toBe('0000');
    expect(nameKey('sys.stdin')).toBe('sysstdin');
  });
});

describe('defaultCaseMode', () => {
  it('makes acronyms that spell an everyday word case-sensitive', () => {
    for (const name of ['REST', 'DRY', 'KISS', 'SUS']) expect(defaultCaseMode(name)).toBe('sensitive');
  });

  it('leaves other names case-insensitive', () => {
    for (const name of ['RAID', 'ETag', 'SLO', 'QUIC', 'JWT', 'Rest', 'Keep It Simple']) expect(defaultCaseMode(name)).toBe('insensitive');
  });

  it('reads everyday words from the generated frequency list', () => {
    for (const word of ['rest', 'dry', 'kiss', 'sus']) expect(ORDINARY_WORDS.has(word)).toBe(true);
    for (const word of ['raid', 'etag', 'slo', 'quic', 'jwt']) expect(ORDINARY_WORDS.has(word)).toBe(false);
  });
});

describe('describeName', () => {
  it('recognises literal names that must match as written', () => {
    expect(describeName('0.0.0.0')?.literal).toBeGreaterThan(0);
    expect(describeName('sys.stdin')?.literal).toBeGreaterThan(0);
    expect(describeName('C++')?.literal).toBeGreaterThan(0);
    expect(describeName('ASN.1')?.literal).toBe(0);
    expect(describeName('HTTP/2')?.literal).toBe(0);
    expect(describeName('Node.js')?.literal).toBe(0);
  });

  it('reads a name that starts with a stray combining mark as a literal, so that the mark is matched too', () => {
    expect(describeName('\u0301ab')?.literal).toBeGreaterThan(0);
    const matcher = createTermMatcher([{ name: '\u0301ab', term: 'Odd', entryIds: ['odd'] }]);
    expect(matcher.scan('x \u0301ab').map((o) => [o.start, o.end])).toEqual([[2, 5]]);
  });

  it('ignores blank and single-character names', () => {
    expect(describeName('')).toBeUndefined();
    expect(describeName(' C ')).toBeUndefined();
  });
});

describe('createTermMatcher: code and prose', () => {
  it('finds a term inside a TypeScript identifier at the right offsets', () => {
    const text = 'const etagCache = new Map();';
    expect(seed.scan(text)).toEqual([{ start: 6, end: 10, term: 'ETag', entryIds: [idOf('ETag')] }]);
  });

  it('finds a multi-word term in a Python function name', () => {
    expect(found('def cherry_pick(commits):')).toEqual(['cherry_pick → Cherry Pick']);
  });

  it('finds an acronym in a YAML key', () => {
    expect(found('SLO_TARGET: 99.9\nsla: gold')).toEqual(['SLO → SLO', 'sla → SLA']);
  });

  it('finds an acronym before a capitalised word and its plural in a comment', () => {
    expect(found('// JWTDecoder verifies JWTs')).toEqual(['JWT → JWT', 'JWTs → JWT']);
  });

  it('finds terms in Go code, strings and import paths', () => {
    const text = 'import "example.com/quic-go/http3"\nlistener, err := quic.ListenAddr("0.0.0.0:4242", tlsConf, nil)';
    expect(found(text)).toEqual(['quic → QUIC', 'http3 → HTTP/3', 'quic → QUIC', '0.0.0.0 → 0.0.0.0']);
  });

  it('finds terms in markdown prose, in any language', () => {
    const text = '**Latency (Задержка)** и **Пропускная способность** влияют на **low latency** системы.';
    expect(found(text)).toEqual(['Latency → Latency', 'Задержка → Latency', 'Пропускная способность → Throughput', 'low latency → Low Latency']);
  });

  it('finds a term of a script without case at the end of a line or before a tab', () => {
    const matcher = createTermMatcher([{ name: '缓存', term: 'Cache', entryIds: ['g#cache'] }]);
    expect(found('缓存\n缓存\t失效', matcher)).toEqual(['缓存 → Cache', '缓存 → Cache']);
  });

  it('matches case-insensitively', () => {
    expect(found('etag ETag ETAG Etag Raid')).toEqual(['etag → ETag', 'ETag → ETag', 'ETAG → ETag', 'Etag → ETag', 'Raid → RAID']);
  });

  it('reports every entry with the name, the first term, and no duplicates', () => {
    const matcher = createTermMatcher([
      { name: 'Cherry Pick', term: 'Cherry Pick', entryIds: ['a#cherry-pick'] },
      { name: 'cherry-pick', term: 'Git Cherry-Pick', entryIds: ['b#git-cherry-pick', 'a#cherry-pick'] },
    ]);
    expect(matcher.scan('cherryPick')).toEqual([{ start: 0, end: 10, term: 'Cherry Pick', entryIds: ['a#cherry-pick', 'b#git-cherry-pick'] }]);
  });

  it('finds nothing with an empty glossary or in empty text', () => {
    expect(createTermMatcher([]).scan('REST etag')).toEqual([]);
    expect(seed.scan('')).toEqual([]);
  });
});

describe('createTermMatcher: subword boundaries', () => {
  it('never matches inside a word', () => {
    const text = 'restore slash order header decoder cipher quick slice stderr SA_RESTART Derby pemmican';
    expect(found(text)).toEqual([]);
  });

  it('does not find HTTP/2 in OAuth2', () => {
    expect(found('OAuth2 client')).toEqual([]);
  });

  it('finds a term at a camelCase, digit or punctuation boundary', () => {
    expect(found('raid5 http3 getQUICConfig x.slo_y')).toEqual(['raid → RAID', 'http3 → HTTP/3', 'QUIC → QUIC', 'slo → SLO']);
  });
});

describe('createTermMatcher: joined parts', () => {
  it('matches a multi-word term however its parts are joined', () => {
    const text = 'access token, access_token, accessToken, ACCESS_TOKEN, AccessToken, access-token, access.token, access  token';
    expect(terms(text)).toEqual(Array(8).fill('Access Token'));
  });

  it('matches a hyphenated term however its parts are joined', () => {
    expect(found('cherry-pick cherry_pick cherryPick cherrypick')).toEqual([
      'cherry-pick → Cherry Pick',
      'cherry_pick → Cherry Pick',
      'cherryPick → Cherry Pick',
      'cherrypick → Cherry Pick',
    ]);
  });

  it('matches a punctuated term with or without its punctuation', () => {
    expect(found('http/2 http2 HTTP2 HTTP/2.0')).toEqual(['http/2 → HTTP/2', 'http2 → HTTP/2', 'HTTP2 → HTTP/2', 'HTTP/2 → HTTP/2']);
    expect(terms('I/O bound, IO-bound, io_bound, IOBound')).toEqual(Array(4).fill('I/O Bound'));
    expect(found('ASN.1 asn1 Asn1Parser')).toEqual(['ASN.1 → ASN.1', 'asn1 → ASN.1', 'Asn1 → ASN.1']);
  });

  it('matches a two-word term written as one word', () => {
    expect(found('monkeypatch MonkeyPatch monkey_patch')).toEqual(['monkeypatch → Monkey Patch', 'MonkeyPatch → Monkey Patch', 'monkey_patch → Monkey Patch']);
  });

  it('does not join parts across lines or other punctuation', () => {
    expect(terms('access\ntoken')).toEqual(['Token']);
    expect(terms('access(token)')).toEqual(['Token']);
  });

  it('joins parts across a comma only for names that have one', () => {
    expect(found('Keep it simple, stupid!')).toEqual(['Keep it simple, stupid → KISS']);
    expect(terms('access, token')).toEqual(['Token']);
  });

  it('matches names with apostrophes', () => {
    expect(found("Don't repeat yourself")).toEqual(["Don't repeat yourself → DRY"]);
  });
});

describe('createTermMatcher: acronyms that are everyday words', () => {
  it('matches them only in capitals', () => {
    expect(found('REST_API rest Rest restApi')).toEqual(['REST → REST']);
    expect(found('DRY_RUN dryRun dry')).toEqual(['DRY → DRY']);
    expect(found('KISS kiss SUS sus')).toEqual(['KISS → KISS', 'SUS → SUS']);
  });

  it('still matches their spelled-out names in any case', () => {
    expect(terms('a representational state transfer API')).toEqual(['REST']);
  });

  it('lets an explicit case mode override the automatic one', () => {
    const matcher = createTermMatcher([
      { name: 'REST', term: 'REST', entryIds: ['rest'], caseMode: 'insensitive' },
      { name: 'ETag', term: 'ETag', entryIds: ['etag'], caseMode: 'sensitive' },
    ]);
    expect(found('rest Rest etag ETag Etag', matcher)).toEqual(['rest → REST', 'Rest → REST', 'ETag → ETag']);
  });
});

describe('createTermMatcher: plurals', () => {
  it('matches a lower-case plural suffix on the last subword', () => {
    expect(found('ETags cookies JWTs CNAMEs SLOs cherry-picks accessTokens')).toEqual([
      'ETags → ETag',
      'cookies → Cookie',
      'JWTs → JWT',
      'CNAMEs → CNAME',
      'SLOs → SLO',
      'cherry-picks → Cherry Pick',
      'accessTokens → Access Token',
    ]);
  });

  it('matches a lower-case plural of an acronym inside an identifier', () => {
    expect(found('jwks_uri = config.jwks_uri')).toEqual(['jwks → JWK', 'jwks → JWK']);
  });

  it('does not read an upper-case S after an acronym as a plural', () => {
    expect(found('HTTPS JWKS')).toEqual([]);
  });

  it('matches an upper-case plural of a word term written in capitals', () => {
    expect(found('MAX_ACCESS_TOKENS COOKIES')).toEqual(['ACCESS_TOKENS → Access Token', 'COOKIES → Cookie']);
  });

  it('matches the singular of a term named in the plural', () => {
    expect(found('@pytest.fixture\ndef fixture_dir(): ...')).toEqual(['fixture → Fixtures', 'fixture → Fixtures']);
  });

  it('does not strip the s of words ending in ss', () => {
    const matcher = createTermMatcher([{ name: 'Clas', term: 'Clas', entryIds: ['clas'] }]);
    expect(matcher.scan('class Foo')).toEqual([]);
  });

  it('does not read a short lower-case word as the plural of a two-letter acronym', () => {
    const matcher = createTermMatcher([{ name: 'GA', term: 'GA', entryIds: ['ga'] }]);
    expect(found('gas GAs ga', matcher)).toEqual(['GAs → GA', 'ga → GA']);
  });
});

describe('createTermMatcher: overlaps', () => {
  it('prefers the longest match', () => {
    expect(found('low latency vs latency')).toEqual(['low latency → Low Latency', 'latency → Latency']);
    expect(found('a Dependency Injection Container and dependency injection')).toEqual([
      'Dependency Injection Container → Dependency Injection Containers',
      'dependency injection → Dependency Injection',
    ]);
    expect(found('http/2 and git cherry-pick')).toEqual(['http/2 → HTTP/2', 'git cherry-pick → Git Cherry-Pick']);
  });

  it('never reports a part of a multi-word term as the whole term', () => {
    expect(found('token accessor')).toEqual(['token → Token']);
  });

  it('keeps the longer of two overlapping matches that start at different places', () => {
    const matcher = createTermMatcher(
      ['Alpha Beta', 'Beta Gamma Delta'].map((name) => ({ name, term: name, entryIds: [name] })),
    );
    expect(found('alpha beta gamma delta', matcher)).toEqual(['beta gamma delta → Beta Gamma Delta']);
  });

  it('returns occurrences sorted and not overlapping', () => {
    const text = 'HTTP/2 over QUIC: lowLatency tokens; ACCESS_TOKEN_TTL; cherry-picked';
    const occurrences = seed.scan(text);
    for (let i = 1; i < occurrences.length; i++) expect(occurrences[i]!.start).toBeGreaterThanOrEqual(occurrences[i - 1]!.end);
  });
});

describe('createTermMatcher: literal names', () => {
  it('matches an address as written, also before a port', () => {
    expect(found('bind 0.0.0.0 or 0.0.0.0:8000 or ws://0.0.0.0/')).toEqual(Array(3).fill('0.0.0.0 → 0.0.0.0'));
  });

  it('does not match an address inside a longer one or without its dots', () => {
    expect(found('10.0.0.0/8 0.0.0.0.1 0.0.0.0/0 0000 0-0-0-0 v0.0.0.0')).toEqual([]);
  });

  it('matches a code path as written, also before a member', () => {
    expect(found('line = sys.stdin.readline()\nSYS.STDIN')).toEqual(['sys.stdin → sys.stdin', 'SYS.STDIN → sys.stdin']);
  });

  it('does not match a code path spelled differently or inside a longer path', () => {
    expect(found('sys.stdout sys_stdin sysStdin os.sys.stdin mysys.stdin')).toEqual([]);
  });

  it('matches symbolic names exactly', () => {
    const matcher = createTermMatcher(['C++', 'C#', '.NET'].map((name) => ({ name, term: name, entryIds: [name] })));
    expect(found('C++ and c# on .NET, not C or NET', matcher)).toEqual(['C++ → C++', 'c# → C#', '.NET → .NET']);
  });

  it('matches symbolic names whose parts are joined by other punctuation', () => {
    const matcher = createTermMatcher(['std::vector', 'R&D', 'AT&T', 'a->b'].map((name) => ({ name, term: name, entryIds: [name] })));
    expect(found('use std::vector in R&D at AT&T: a->b, not std::map, R & D or std', matcher)).toEqual([
      'std::vector → std::vector', 'R&D → R&D', 'AT&T → AT&T', 'a->b → a->b',
    ]);
  });

  it('reports a literal that reaches past a shorter name with the same first part as the literal alone', () => {
    const matcher = createTermMatcher([
      { name: 'std', term: 'Standard Library', entryIds: ['std'] },
      { name: 'std::vector', term: 'Vector', entryIds: ['vector'] },
    ]);
    expect(matcher.scan('std::vector or std').map((o) => [o.term, o.entryIds])).toEqual([['Vector', ['vector']], ['Standard Library', ['std']]]);
  });

  it('reports every entry of a literal name that starts with punctuation, whatever their case modes', () => {
    const matcher = createTermMatcher([
      { name: '.NET', term: '.NET', entryIds: ['dotnet'], caseMode: 'sensitive' },
      { name: '.NET', term: 'dotnet', entryIds: ['runtime'] },
    ]);
    expect(matcher.scan('on .NET').map((o) => o.entryIds)).toEqual([['dotnet', 'runtime']]);
  });

  it('never ends a literal name in the middle of a surrogate pair', () => {
    const matcher = createTermMatcher([{ name: 'x\uD83D', term: 'Broken', entryIds: ['b'] }]);
    expect(matcher.scan('x😀')).toEqual([]);
    expect(found('x\uD83D!', matcher)).toEqual(['x\uD83D → Broken']);
  });
});

describe('createTermMatcher: numbers and tiny names', () => {
  it('never matches a purely numeric window to a non-literal name', () => {
    const matcher = createTermMatcher([{ name: '2038', term: 'Year 2038 Problem', entryIds: ['y2038'] }]);
    expect(matcher.scan('time_t overflows in 2038')).toEqual([]);
  });

  it('ignores single-character names', () => {
    const matcher = createTermMatcher([{ name: 'C', term: 'C', entryIds: ['c'] }, { name: 'x', term: 'x', entryIds: ['x'] }]);
    expect(matcher.scan('C x c')).toEqual([]);
  });
});

describe('createTermMatcher: UTF-16 offsets', () => {
  it('reports spans on UTF-16 boundaries next to emoji', () => {
    const text = '🚀 etag🔥Cookies 👍🏽 Задержка😀';
    expect(found(text)).toEqual(['etag → ETag', 'Cookies → Cookie', 'Задержка → Latency']);
    expect(seed.scan(text).map((o) => [o.start, o.end])).toEqual([
      [3, 7],
      [9, 16],
      [22, 30],
    ]);
  });

  it('never splits a surrogate pair and returns sorted, disjoint spans for any text', () => {
    const fragment = fc.constantFrom(
      'etag', 'ETags', 'REST', 'rest', 'access', 'Token', '_', '-', '.', '/', ' ', '\n', ',', '0', '0.0.0.0',
      'sys', 'stdin', '🚀', '😀', 'Задержка', 'é', '\u0301', 'JWT', 's', 'HTTP', '2', 'QUIC', 'Listener',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const occurrences = seed.scan(text);
        let previousEnd = 0;
        for (const { start, end } of occurrences) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          for (const offset of [start, end]) {
            const code = text.charCodeAt(offset);
            expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
          }
          previousEnd = end;
        }
      }),
    );
  });

  it('finds the same occurrences in a long text as in its lines', () => {
    const line = 'const accessToken = jwtDecoder.decode(token); // see ETags, HTTP/2 and 0.0.0.0\n';
    const text = line.repeat(2000);
    const perLine = seed.scan(line);
    const all = seed.scan(text);
    expect(all).toHaveLength(perLine.length * 2000);
    expect(all.slice(-perLine.length).map((o) => o.start - line.length * 1999)).toEqual(perLine.map((o) => o.start));
  });

  it('finds the same occurrences in one long line without line breaks', () => {
    const statement = 'let accessToken=decode(jwtToken);etagCache.set(accessToken,"0.0.0.0");';
    const perStatement = seed.scan(statement);
    const all = seed.scan(statement.repeat(3000));
    expect(all).toHaveLength(perStatement.length * 3000);
    expect(all.slice(-perStatement.length).map((o) => o.start - statement.length * 2999)).toEqual(perStatement.map((o) => o.start));
  });
});

describe('empty input', () => {
  it('finds nothing in an empty text, before and after a real scan, and with no names at all', () => {
    const fresh = createTermMatcher(seedNames);
    expect(fresh.scan('')).toEqual([]);
    expect(found('const etagCache = 1;', fresh)).toEqual(['etag → ETag']);
    expect(fresh.scan('')).toEqual([]);
    expect(createTermMatcher([]).scan('')).toEqual([]);
    expect(createTermMatcher([]).scan('etag')).toEqual([]);
  });
});
