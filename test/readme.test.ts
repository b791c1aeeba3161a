// The README's table of formats stays true: every example command names a file that exists
// in a fresh clone (or the shared corpus, when it is there), read by the format of its row,
// and every format users can reach by extension has a row. Its Cypher queries are those of
// docs/cypher, which test/neo4j-cypher.test.ts checks with Neo4j's parser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFor, SOURCE_FORMATS } from '../ingest/sources/index.ts';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Formats accepted'), readme.indexOf('## Scripts'));
/** [format of the row (carried down over continuation rows), example path]. */
const examples: [string, string][] = [];
let format = '';
for (const row of section.split('\n').filter((line) => line.startsWith('| '))) {
  const [name = '', , example = ''] = row
    .split('|')
    .slice(1)
    .map((cell) => cell.trim());
  if (name.startsWith('`')) format = name.replaceAll('`', '');
  else if (name !== '') format = name;
  const path = /`npm run ingest -- (\S+)`/.exec(example)?.[1];
  if (path) examples.push([format, path]);
}

describe('README: formats accepted', () => {
  it('has an example for every format chosen by extension', () => {
    const byExtension = SOURCE_FORMATS.filter((f) => f.extensions.length > 0).map((f) => f.name);
    expect(new Set(examples.map(([name]) => name))).toEqual(
      new Set([...byExtension, 'any of these']),
    );
  });

  it.each(examples.filter(([, path]) => !path.startsWith('../')))(
    '%s: %s exists and is read as that format',
    (name, path) => {
      expect(existsSync(path)).toBe(true);
      expect(formatFor(path)?.name).toBe(name);
    },
  );
});

describe('README: Cypher for Neo4j Browser', () => {
  const blocks = [...readme.matchAll(/```cypher\n([\s\S]*?)```/g)].map((match) => match[1]);
  const files = readdirSync('docs/cypher').filter((file) => file.endsWith('.cypher'));

  it('shows each query of docs/cypher, verbatim, and no other', () => {
    expect(files).toHaveLength(4);
    expect(blocks.sort()).toEqual(
      files.map((file) => readFileSync(`docs/cypher/${file}`, 'utf8')).sort(),
    );
  });
});
