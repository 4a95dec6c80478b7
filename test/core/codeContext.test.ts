import { describe, expect, it } from 'vitest';
import { codeContextAt } from '../../server/src/core/codeContext';

/** The context at the `|` marker, which is removed from the text. */
function contextAt(source: string, languageId: string) {
  const offset = source.indexOf('|');
  return codeContextAt(source.slice(0, offset) + source.slice(offset + 1), offset, languageId);
}

describe('code context', () => {
  it('sees a TypeScript line comment, block comment, string and template', () => {
    expect(contextAt('const a = 1; // uses an et|', 'typescript')).toBe('comment');
    expect(contextAt('/* the cache keeps an\n * et| */ const a = 1;', 'typescript')).toBe('comment');
    expect(contextAt('const message = "the et|', 'typescript')).toBe('string');
    expect(contextAt('const t = `multi\nline et|`', 'typescript')).toBe('string');
    expect(contextAt('const etag|Cache = 1;', 'typescript')).toBe('code');
  });

  it('leaves a comment at the end of its line and a string at its closing quote', () => {
    expect(contextAt('// note\nconst x| = 1;', 'typescript')).toBe('code');
    expect(contextAt('const s = "a // b"; const x|', 'typescript')).toBe('code');
    expect(contextAt('const s = "escaped \\" quote"; x|', 'typescript')).toBe('code');
  });

  it('knows hash comments and triple-quoted strings in Python', () => {
    expect(contextAt('def f():\n    # cherry pi|', 'python')).toBe('comment');
    expect(contextAt('def f():\n    """Docstring about ch|\n    """', 'python')).toBe('string');
    expect(contextAt('cherry_pi|', 'python')).toBe('code');
  });

  it('knows YAML comments and SQL dashes', () => {
    expect(contextAt('slo_target: 0.99 # the SL|', 'yaml')).toBe('comment');
    expect(contextAt('SELECT 1; -- the ET|', 'sql')).toBe('comment');
  });

  it('treats markdown and plain text as prose everywhere', () => {
    expect(contextAt('# Title\n\nSome et|', 'markdown')).toBe('prose');
    expect(contextAt('notes et|', 'plaintext')).toBe('prose');
  });

  it('falls back to C-like syntax for an unknown language', () => {
    expect(contextAt('x = 1 // comment|', 'some-new-language')).toBe('comment');
  });
});

describe('code context far into a long file', () => {
  it('reads only a bounded window before the offset, starting at a line', () => {
    const code = 'const x = 1;\n'.repeat(5_000);
    expect(contextAt(`${code}// a comment about et|`, 'typescript')).toBe('comment');
    expect(contextAt(`${code}const et|ag = 1;`, 'typescript')).toBe('code');
    // A block comment opened long before the window is not seen: the lexer starts inside it.
    expect(contextAt(`/*\n${code}still in the comment et|`, 'typescript')).toBe('code');
  });

  it('reads a window of a line longer than the reach (minified code), not the file from its top', () => {
    const minified = 'var q=w.etag;function r(s){return s+1}'.repeat(1_000);
    expect(contextAt(`${minified}/* about the et|ag */${minified}`, 'javascript')).toBe('comment');
    expect(contextAt(`${minified}const x = et|ag;`, 'javascript')).toBe('code');
    // The top of the file opens a comment the window does not reach: not seen.
    expect(contextAt(`/* ${minified}et|ag`, 'javascript')).toBe('code');
  });
});
