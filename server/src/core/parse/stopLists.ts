/**
 * Word lists that tell a term label ("REST", "Head-of-line blocking") from the structural and
 * narrative labels people put in the same bold or heading position ("Key features", "Pros",
 * "How to check", "Faster Connection Setup"). Everything is compared lower-cased, with trailing
 * punctuation removed. Keep these lists short and generic: they describe how people write notes,
 * never one particular file.
 */

/**
 * Labels that introduce a list of named things: not a term themselves, but their items are
 * terms (e.g. `- **Key features**:` followed by `- **Multiplexing**: ...`).
 */
export const CONTAINER_LABELS: ReadonlySet<string> = new Set([
  'key features', 'features', 'main features', 'core features', 'key concepts', 'concepts',
  'core concepts', 'key terms', 'terms', 'terminology', 'glossary', 'definitions', 'components',
  'key components', 'main components', 'building blocks', 'types', 'kinds', 'variants',
  'основные понятия', 'термины', 'компоненты', 'виды', 'типы',
]);

/**
 * Labels of a part of a description (what it is, pros, examples...). They are not terms, and
 * whatever they contain is narrative: examples, claims, steps.
 */
export const STRUCTURAL_LABELS: ReadonlySet<string> = new Set([
  'what it is', 'what is it', 'how it works', 'how it is used', 'why it matters', 'why use it',
  'pros', 'cons', 'pros and cons', 'advantages', 'disadvantages', 'benefit', 'benefits',
  'drawbacks', 'limitations', 'trade-offs', 'tradeoffs', 'caveats', 'example', 'examples',
  'for example', 'e.g', 'scenario', 'scenarios', 'use case', 'use cases', 'usage',
  'definition', 'meaning', 'description', 'purpose', 'answers', 'answer', 'question',
  'key difference', 'key differences', 'difference', 'differences', 'similarities', 'note',
  'notes', 'tip', 'tips', 'warning', 'caution', 'important', 'impact', 'flow', 'setup',
  'outcome', 'result', 'results', 'integration', 'summary', 'conclusion', 'overview',
  'troubleshooting', 'details', 'background', 'problem', 'solution', 'input',
  'output', 'requirements', 'prerequisites', 'installation', 'alternatives',
  'comparison', 'see also', 'references', 'resources', 'links', 'further reading', 'sources',
  'in short', 'tl;dr', 'tldr', 'bottom line', 'recap', 'faq', 'characteristics',
  'key points', 'key takeaways', 'takeaways', 'explanation', 'analogy', 'in practice',
  // Russian: "what it is", "example", "characteristics", "definition", "how it works"...
  'что это', 'что такое', 'пример', 'примеры', 'характеристики', 'определение', 'описание',
  'как работает', 'как это работает', 'особенности', 'плюсы', 'минусы', 'преимущества',
  'недостатки', 'итог', 'итоги', 'вывод', 'выводы', 'примечание', 'зачем', 'суть', 'применение',
]);

/** Label openings of narrative sections: "Quick Comparison", "Real-World Impact for X", "Example Explained". */
export const STRUCTURAL_PREFIXES: readonly string[] = [
  'quick ', 'real-world ', 'real world ', 'putting it', 'key difference', 'key takeaway',
  'example ', 'examples ', 'summary ', 'overview ', 'conclusion ', 'in short', 'bottom line',
  'tl;dr', 'pros ', 'cons ', 'common pitfalls', 'best practices', 'further ', 'see also',
];

/** Label endings of narrative sections: "Relationship Summary", "Example Explained", "gRPC Use Cases". */
export const STRUCTURAL_SUFFIXES: readonly string[] = [
  ' summary', ' comparison', ' overview', ' explained', ' example', ' examples',
  ' tips', ' best practices', ' in practice', ' in a nutshell', ' cheat sheet', ' cheatsheet',
  ' pitfalls', ' walkthrough', ' recap', ' faq',
];

/**
 * First words of questions and how-to labels ("How to check", "When NOT to Use gRPC",
 * "Using Threads", "Your Question Answered", "Reasons to Choose X").
 */
export const NARRATIVE_FIRST_WORDS: ReadonlySet<string> = new Set([
  'how', 'why', 'when', 'what', 'where', 'which', 'who', 'whom', 'whose', 'does', 'do', 'did',
  'is', 'are', 'was', 'were', 'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'must',
  'your', 'my', 'our', 'using', 'choosing', 'reasons', 'reason', 'let’s', "let's", 'lets',
  'getting', 'setting', 'installing', 'configuring', 'migrating', 'comparing', 'steps', 'ways',
  'tips', 'things', 'ideas', 'questions',
  'как', 'зачем', 'почему', 'когда', 'где', 'что', 'какой', 'какая', 'какие', 'чем', 'ваш', 'мой',
]);

/** Numbered step-like openings: "Method 1", "Step 2", "Option 3". */
export const STEP_PATTERN = /^(?:method|step|option|part|phase|stage|tip|lesson|chapter|шаг|способ|вариант)\s*#?\d+\b/i;

/**
 * First words of claims rather than names ("No head-of-line blocking", "Faster connection setup",
 * "Better for shaky networks", "Reduced Overhead"). Compared only when written in lower or title
 * case, so an acronym like "MORE" or "NO" is not affected.
 */
export const CLAIM_FIRST_WORDS: ReadonlySet<string> = new Set([
  'no', 'not', 'non', 'never', 'without', 'better', 'best', 'worse', 'faster', 'fastest',
  'slower', 'smaller', 'larger', 'bigger', 'lower', 'higher', 'reduced', 'reduces',
  'increased', 'increases', 'more', 'most', 'less', 'least', 'fewer', 'improved', 'improves',
  'enhanced', 'greater', 'easier', 'simpler', 'stronger', 'cheaper', 'quicker', 'built-in',
  'future-proofing', 'future-proof', 'only', 'always', 'just', 'very', 'too', 'much', 'many',
  'great', 'good', 'bad', 'works', 'supports', 'requires', 'makes', 'lets', 'allows', 'helps',
]);

/** Longer labels are sentences or claims, not names. */
export const MAX_TERM_WORDS = 6;

/** A part of a composite label ("Gunicorn and Uvicorn") is only split off when it is this short. */
export const MAX_PART_WORDS = 4;

/** Small words allowed in lower case inside a capitalised name ("Head of Line", "Proof of Work"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'the', 'a', 'an', 'for', 'to', 'in', 'on', 'with', 'by', 'at', 'as', 'de', 'la', 'du',
]);

/** Openings of a parenthetical that is a remark, not another name ("e.g. JSON", "see below"). */
export const NON_ALIAS_OPENINGS = /^(?:e\.?\s?g\b|i\.?\s?e\b|etc\b|see\b|like\b|such as\b|optional\b|default\b|deprecated\b|usually\b|often\b|sometimes\b|not\b|only\b|since\b|from\b|in\b|on\b|for\b|with\b|via\b|as\b|and\b|or\b|but\b|vs\b|cf\b|note\b)/i;

/** Prefixes to drop from an alias: "aka REST", "also: REST", "a.k.a. REST". */
export const ALIAS_PREFIXES = /^(?:a\.?k\.?a\.?|also known as|also called|also|or|сокр\.?|англ\.?)\s*:?\s+/i;
