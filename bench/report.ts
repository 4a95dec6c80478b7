/** Collects result rows and renders them as an aligned text table and as markdown. */

export type Status = 'PASS' | 'MISS' | '';

export interface Row {
  readonly section: string;
  readonly metric: string;
  readonly value: string;
  readonly target: string;
  readonly status: Status;
}

export interface Report {
  readonly rows: Row[];
  readonly notes: string[];
  section(name: string): void;
  /** Adds a row; pass `ok` to print PASS/MISS next to the target. */
  add(metric: string, value: string, target?: string, ok?: boolean): void;
  note(text: string): void;
}

export function createReport(onRow?: (row: Row) => void): Report {
  const rows: Row[] = [];
  const notes: string[] = [];
  let current = '';
  return {
    rows,
    notes,
    section(name) {
      current = name;
    },
    add(metric, value, target = '', ok) {
      const row: Row = { section: current, metric, value, target, status: ok === undefined ? '' : ok ? 'PASS' : 'MISS' };
      rows.push(row);
      onRow?.(row);
    },
    note(text) {
      notes.push(text);
    },
  };
}

const HEADER = ['Metric', 'Value', 'Target', 'Status'] as const;
const cells = (row: Row): string[] => [row.metric, row.value, row.target, row.status];

/** Rows grouped by section, in the order sections were first used. */
function sections(report: Report): [string, Row[]][] {
  const groups = new Map<string, Row[]>();
  for (const row of report.rows) {
    const group = groups.get(row.section);
    if (group) group.push(row);
    else groups.set(row.section, [row]);
  }
  return [...groups];
}

/** A plain-text table for the terminal, one block per section, columns aligned across blocks. */
export function renderText(report: Report): string {
  const table = [HEADER.slice(), ...report.rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]): string =>
    line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const out = [format(HEADER), rule];
  for (const [section, rows] of sections(report)) out.push('', `[${section}]`, ...rows.map((row) => format(cells(row))));
  return [...out, '', ...report.notes.map((note) => `* ${note}`)].join('\n');
}

/** The same tables as GitHub-flavoured markdown, one per section. */
export function renderMarkdown(report: Report, heading: string): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const line = (values: readonly string[]): string => `| ${values.map(escape).join(' | ')} |`;
  const out = [`# ${heading}`, ''];
  for (const [section, rows] of sections(report)) {
    out.push(`## ${section}`, '', line(HEADER), line(HEADER.map(() => '---')), ...rows.map((row) => line(cells(row))), '');
  }
  return [...out, ...report.notes.map((note) => `- ${note}`), ''].join('\n');
}

/** Formats milliseconds with sensible precision. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
