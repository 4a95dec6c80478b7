/**
 * What a hover must never contain, read by real CommonMark parsers, and hostile markdown to feed
 * the presenters with.
 */
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { glossaryMarkdown, unicodeText } from './support';

/**
 * The oracle: a CommonMark parser (micromark, the parser behind remark), plain and with the GitHub
 * extensions, reads the markdown the way a hover renderer would. VS Code renders hovers with
 * marked, which follows the same specifications; all decode entities and backslash escapes in
 * link targets before using them.
 */
const readers = [unified().use(remarkParse), unified().use(remarkParse).use(remarkGfm)];

/** Link targets a hover may hold: the web, files, mail and relative references. Nothing that runs. */
const SAFE_SCHEMES = new Set(['http', 'https', 'file', 'mailto']);

/**
 * The scheme a browser (and VS Code's opener) would see in `url`: ASCII whitespace and controls
 * stripped, and percent-escapes decoded too, to be stricter than any of them.
 */
function schemeOf(url: string): string | undefined {
  const forms = [url];
  try {
    forms.push(decodeURIComponent(url));
  } catch {
    // A malformed escape is left as it is.
  }
  for (const form of forms) {
    const cleaned = form.replace(/[\s\p{Cc}\p{Cf}]/gu, '');
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
    if (scheme && !SAFE_SCHEMES.has(scheme)) return scheme;
  }
  return undefined;
}

/** Everything in `markdown` that a renderer would turn into raw HTML or into a link that can run something. */
function unsafeParts(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') found.push(`raw HTML ${JSON.stringify(node.value)}`);
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && schemeOf(node.url)) found.push(`${node.type} to ${JSON.stringify(node.url)}`);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const reader of readers) visit(reader.parse(markdown) as Root);
  return found;
}

/** Throws, naming what is unsafe, unless `output` (made from `input`) holds no raw HTML and no unsafe link. */
export function expectSafe(input: string, output: string): void {
  const unsafe = unsafeParts(output);
  if (unsafe.length > 0) throw new Error(`${unsafe.join('; ')}\nin ${JSON.stringify(output)}\nfrom ${JSON.stringify(input)}`);
}

/** Pieces of hostile markdown: HTML, script and command links in every spelling, and the syntax around them. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<a href="command:x">', '</a>', '<div>', '<!--', '-->', '<?php ?>', '<!DOCTYPE html>',
  '<![CDATA[x]]>', '<', '<a', '<A HREF=x>', '< a>', '<details open ontoggle=alert(1)>', '\\', '\\<', '\\\\<', '\\[', '&lt;', '&#60;', '&#x3C;',
  '`', '``', '```', '~~~', '    ', '\t', '\n', '\n\n', '> ', '- ', '1. ', '[', ']', '(', ')', '](', ']: ', '![', '[x]', '[x]: ', '[^1]', ': ',
  'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java&#x73;cript:alert(1)', 'jav&#97;script:x', 'java\\script:x',
  'javascript&colon;x', 'java%73cript:x', 'javascript%3Ax', 'command:workbench.action.quit', 'COMMAND:x', 'command%3Ax', 'command&#58;x',
  'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'vscode://x', 'vscode-insiders:x', 'https://ok.example', 'http://ok', 'file:///x',
  'mailto:a@b.c', '#frag', './rel.md', '../up', 'x.md', 'dir/', '"title"', "'title'", '(title)', '<javascript:x>', '<command:x>', '<https://ok>',
  'www.example.com', 'a@b.c', '|', '---', '*', '_', '**', ' ', 'a', 'text', '😀', '\uD800', '\0', '\r\n', '&', '&amp;', '\u00A0', '\u2028',
];
/** Hostile pieces joined at random. */
export const hostileMarkdown = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: unicodeText(6) }), { maxLength: 40 }).map((parts) => parts.join(''));

/** Links in the forms CommonMark knows, to hostile targets. */
const LINK_FORMS: ((label: string, target: string) => string)[] = [
  (label, target) => `[${label}](${target})`,
  (label, target) => `[${label}](<${target}>)`,
  (label, target) => `[${label}]( ${target} "t")`,
  (label, target) => `[${label}](${target} 't')`,
  (label, target) => `[${label}](${target} (t))`,
  (label, target) => `[${label}](\n${target}\n)`,
  (label, target) => `[${label}\n](${target})`,
  (label, target) => `[a [${label}] b](${target})`,
  (label, target) => `![${label}](${target})`,
  (label, target) => `[${label}][r]\n\n[r]: ${target}`,
  (label, target) => `[${label}]\n\n[${label}]: ${target} "t"`,
  (_label, target) => `[r]\n\n[r]:\n  ${target}`,
  (label, target) => `[${label}][]\n\n   [${label}]: <${target}>`,
  (label, target) => `> [r]: ${target}\n\n[${label}][r]`,
  (label, target) => `- [r]: ${target}\n\n[${label}][r]`,
  (_label, target) => `<${target}>`,
  (label, target) => `\`${label}\`[x](${target})`,
  (label, target) => `\`\`${label}\`[x](${target})`,
];
const TARGETS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java&#x73;cript:alert(1)', 'java&#115;cript:x', 'javascript&#58;x', 'java\\script:x', 'command:workbench.action.quit', 'command:x?%5B%5D', 'command&#x3A;x', 'data:text/html,x', 'vscode://ext/x', '\tjavascript:x', '&#x09;javascript:x'];
/** A link, image, autolink or reference in some CommonMark form, to a hostile target. */
export const hostileLink = fc.tuple(fc.constantFrom(...LINK_FORMS), fc.constantFrom('here', 'a*b*', '`c`', '', 'x\\]'), fc.constantFrom(...TARGETS)).map(([form, label, target]) => form(label, target));

/** Hostile markdown of every kind, and glossary-like markdown. */
export const anyMarkdown = fc.oneof(
  { weight: 4, arbitrary: hostileMarkdown },
  { weight: 3, arbitrary: hostileLink },
  { weight: 2, arbitrary: fc.array(fc.oneof(hostileLink, hostileMarkdown), { maxLength: 3 }).chain((parts) => fc.constantFrom('', '\n', '\n\n', '\n> ', '\n- ', '\n| ').map((glue) => parts.join(glue))) },
  { weight: 1, arbitrary: glossaryMarkdown },
);

