// The shape of the code: no module reaches itself again through its imports (type imports
// included: views/map had nine such cycles through GraphMap.tsx, whose controllers imported
// its renderer type while it imported them). ESLint's no-restricted-imports keeps web/ on the
// HTTP contract (eslint.config.js).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['ingest', 'server', 'web/src', 'neo4j', 'bench'];

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : modules(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports (`import … from './x.ts'`, `export … from`, `import('./x.ts')`). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = source.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g);
  return [...found].map((match) => normalize(join(dirname(file), match[1]!)));
}

/** Every cycle, as the sorted list of its modules, once. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at).sort();
        cycles.set(cycle.join(' '), cycle);
      } else if (graph.has(next) && !done.has(next)) {
        visit(next, [...path, next]);
      }
    }
    done.add(node);
  };
  for (const node of graph.keys()) if (!done.has(node)) visit(node, [node]);
  return [...cycles.values()];
}

describe('the code’s shape', () => {
  it('finds a cycle where there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('keeps the SQLite adapter’s statements in statements.ts, as the Neo4j adapter’s in queries.ts', () => {
    const adapter = readFileSync('server/store/sqlite/sqlite-store.ts', 'utf8');
    // A statement written where it runs: prepare(`…`), prepare<…>('…'), exec(`…`).
    const inline = adapter.match(/\b(?:prepare(?:<[^(]*?>)?|exec)\(\s*[`'"]/gs) ?? [];
    expect(inline).toEqual([]);
    expect(adapter).toMatch(/prepare[^(]*\(SQL\.\w+\)/);
  });

  it('has no import cycle', () => {
    const graph = new Map(ROOTS.flatMap(modules).map((file) => [normalize(file), importsOf(file)]));
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toEqual([]);
  });
});
