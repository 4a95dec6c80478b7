/**
 * The Glossary Lens core: pure, editor-independent. Strings in, data out; offsets are UTF-16.
 * The language server, the CLI and the benchmarks use only what is exported here.
 */
export type * from './types';
export { parseGlossary } from './parseGlossary';
/** Drops the parser's cache of parsed pieces (the store calls it once a whole workspace is read). */
export { clearParseCache } from './parse/markdown';
export { createGlossaryIndex, type GlossaryIndex, type GlossaryIndexOptions } from './glossaryIndex';
export { createGlossarySet, readGlossary, type GlossarySet } from './glossarySet';
export type { LinePosition } from './textSummary';
export { nameKey } from './termMatcher';
export { findMojibake, looksLikeMojibake, repairMojibake } from './mojibake';
export { codeContextAt, type CodeContext } from './codeContext';
export { entryMarkdown, escapeInline, firstSentence, markdownToPlainText, sanitizeMarkdown } from './present';
export { isDeeplyNested, isInertMarkdown, mayHoldMarkup } from './inertMarkdown';
export { glossaryStub, subwordAt } from './authoring';
