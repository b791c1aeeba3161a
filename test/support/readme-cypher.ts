/**
 * Test support: the Cypher examples of the README's "Running on Neo4j", each with the
 * parameter it sets (`:param paperId => 't-…'`, as typed in Neo4j Browser) and the rows the
 * README says it returns on the sample corpus (the table after the query), so a test can run
 * them on a live Neo4j and hold the README to its word.
 */
import { readFileSync } from 'node:fs';

export interface ReadmeQuery {
  /** The query, verbatim (also a file of docs/cypher). */
  cypher: string;
  /** `:param name => value`: a quoted string, or a whole number. */
  parameters: Record<string, string | number>;
  /** The README's table: its header, then the first rows of the answer, cells as text. */
  columns: string[];
  rows: string[][];
}

/** `| a | b |` → `['a', 'b']` (cells trimmed; `\|` is a literal bar). */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

export function readmeQueries(path = 'README.md'): ReadmeQuery[] {
  const readme = readFileSync(path, 'utf8');
  const section = readme.slice(readme.indexOf('## Running on Neo4j'));
  const end = section.indexOf('\n## ', 1);
  const text = end < 0 ? section : section.slice(0, end);
  const queries: ReadmeQuery[] = [];
  const block = /```cypher\n([\s\S]*?)```\n/g;
  let previousEnd = 0;
  for (let match = block.exec(text); match; match = block.exec(text)) {
    const before = text.slice(previousEnd, match.index);
    const parameters: ReadmeQuery['parameters'] = {};
    for (const [, name, value] of before.matchAll(/:param (\w+) => ('[^']*'|-?\d+)/g)) {
      parameters[name!] = value!.startsWith("'") ? value!.slice(1, -1) : Number(value);
    }
    const after = text.slice(block.lastIndex);
    const table = /^(?:(?!```)[^\n]*\n)*?(\|[^\n]*\n\|[-| :]+\n(?:\|[^\n]*\n)+)/.exec(after)?.[1];
    const lines = table?.trim().split('\n') ?? [];
    queries.push({
      cypher: match[1]!,
      parameters,
      columns: lines.length ? cells(lines[0]!) : [],
      rows: lines.slice(2).map(cells),
    });
    previousEnd = block.lastIndex;
  }
  return queries;
}

/** A value of a Neo4j row as the README writes it: lists joined by ", ", numbers as numbers. */
export function readmeCell(value: unknown): string {
  if (Array.isArray(value)) return value.map(readmeCell).join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}
