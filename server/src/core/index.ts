/**
 * The Glossary Lens core: pure, editor-independent. Strings in, data out; offsets are UTF-16.
 * The language server, the CLI and the benchmarks use only what is exported here.
 */
export type * from './types';
export { parseGlossary } from './parseGlossary';
export { createGlossaryIndex, type GlossaryIndex, type GlossaryIndexOptions } from './glossaryIndex';
export { createGlossarySet, type GlossarySet } from './glossarySet';
export { nameKey } from './termMatcher';
export { findMojibake, looksLikeMojibake, repairMojibake } from './mojibake';
export { codeContextAt, type CodeContext } from './codeContext';
export { entryMarkdown, escapeInline, firstSentence, markdownToPlainText, sanitizeMarkdown } from './present';
export { glossaryStub, subwordAt } from './authoring';
