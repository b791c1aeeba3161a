// Every Cypher statement Topograph can send to Neo4j, checked offline by Neo4j's own parser and
// semantic analysis (`lintCypherQuery` of @neo4j-cypher/language-support), against a schema
// declaring our labels, relationship types, properties, parameters, and Neo4j 5's built-in
// functions and the procedures we call: it catches a mistake in seconds, without a server;
// store-neo4j.test.ts then runs the statements on a live Neo4j 5.26 (.ci/run starts one).
//
// The statements are collected, not listed: every constant of the adapter's queries.ts, the
// test support's, and the docs/cypher files the README shows. A second test reads the
// adapter's sources so that no statement can be sent from anywhere else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { QUERIES, SCHEMA_QUERIES } from '../server/store/neo4j/queries.ts';
import { TEST_QUERIES } from './support/neo4j.ts';

const CYPHER_VERSION = 'CYPHER 5'; // Neo4j 5.26, the version docker-compose.yml and CI run

/** Neo4j 5's built-in functions (the package's dump of a real server's, APOC left out). */
const builtInFunctions = Object.fromEntries(
  Object.entries(testData.mockSchema.functions?.[CYPHER_VERSION] ?? {}).filter(
    ([, fn]) => fn.isBuiltIn,
  ),
);
/** Only the procedures we call: anything else (APOC, GDS) is not on Neo4j Community. */
const PROCEDURES_USED = ['db.awaitIndexes', 'db.index.fulltext.queryNodes'];
const procedures = Object.fromEntries(
  PROCEDURES_USED.flatMap((name) => {
    const procedure = testData.mockSchema.procedures?.[CYPHER_VERSION]?.[name];
    return procedure ? [[name, procedure]] : [];
  }),
);

const SCHEMA: DbSchema = {
  labels: [
    'Paper',
    'Topic',
    'Repository',
    'Cluster',
    'PaperKey',
    'StoreState',
    // On topics and repositories a write touched, until the next refresh counts them.
    'Stale',
    'TopographTestDatabase',
  ],
  relationshipTypes: [
    'MENTIONS',
    'LINKS_TO',
    'CO_OCCURS',
    'IN_CLUSTER',
    'IDENTIFIES',
    'SIMILAR_TO',
  ],
  propertyKeys: [
    // Paper
    ...['id', 'title', 'abstract', 'published', 'authors', 'authorsCount', 'upvotes'],
    ...['organization', 'arxivId', 'doi', 'url', 'links', 'sources'],
    // Topic, Cluster, Repository, PaperKey
    ...['label', 'aliases', 'df', 'keyDf', 'cluster', 'x', 'y', 'year', 'codeShare'],
    ...['repositories', 'labelKey', 'idKey', 'papersVersion', 'mapVersion', 'marksStale'],
    ...['mapResolution', 'similarVersion'],
    ...['topics', 'papers', 'host', 'owner', 'name', 'kind', 'key', 'note'],
    // MENTIONS, LINKS_TO, CO_OCCURS, SIMILAR_TO
    ...['score', 'count', 'inTitle', 'keyTerm', 'status', 'strength', 'rank', 'phrases'],
    // Keys of the maps in $rows that are no property (the linter cannot tell a map from a node)
    ...['paperId', 'topicId', 'source', 'target', 'repository', 'similar'],
    ...['paperCount', 'topicCount', 'repositoryCount'],
  ],
  // Every parameter a statement may take (the adapter's, the docs', the test support's).
  parameters: Object.fromEntries(
    [
      ...['rows', 'ids', 'keys', 'id', 'limit', 'minPapers', 'cluster', 'corpus', 'df'],
      ...['suffix', 'prefix', 'infix', 'search', 'after', 'note', 'words', 'suffixes'],
      ...['paperId', 'topicId', 'version', 'resolution', 'repositories'],
    ].map((name) => [name, '']),
  ),
  functions: { [CYPHER_VERSION]: builtInFunctions },
  procedures: { [CYPHER_VERSION]: procedures },
  defaultLanguage: CYPHER_VERSION,
};

/** Errors and warnings alike: an undeclared label or property is a typo until proven not. */
function problems(statement: string): string[] {
  return lintCypherQuery(statement, SCHEMA).diagnostics.map(
    (diagnostic) =>
      `${diagnostic.severity === 1 ? 'error' : 'warning'} at ${diagnostic.offsets.start}: ${diagnostic.message}`,
  );
}

const DOCS = 'docs/cypher';
const statements: [string, string][] = [
  ...Object.entries(SCHEMA_QUERIES).map(([name, text]): [string, string] => [
    `schema ${name}`,
    text,
  ]),
  ...Object.entries(QUERIES).map(([name, text]): [string, string] => [`adapter ${name}`, text]),
  ...Object.entries(TEST_QUERIES).map(([name, text]): [string, string] => [`test ${name}`, text]),
  ...readdirSync(DOCS)
    .filter((file) => file.endsWith('.cypher'))
    .map((file): [string, string] => [`${DOCS}/${file}`, readFileSync(join(DOCS, file), 'utf8')]),
];

describe('Cypher statements, linted by Neo4j’s parser and semantic analysis', () => {
  it('collects the adapter’s statements, the test support’s and the docs’', () => {
    expect(statements.length).toBe(
      Object.keys(SCHEMA_QUERIES).length +
        Object.keys(QUERIES).length +
        Object.keys(TEST_QUERIES).length +
        4,
    );
    expect(Object.keys(builtInFunctions)).toEqual(
      expect.arrayContaining(['toLower', 'count', 'collect', 'round', 'coalesce', 'date']),
    );
    expect(Object.keys(procedures)).toEqual(PROCEDURES_USED);
  });

  it.each(statements)('%s has no error or warning', (_name, statement) => {
    expect(problems(statement)).toEqual([]);
  });

  // The check itself: each mistake below is one Neo4j would refuse (or silently match nothing).
  it.each([
    ['a misspelled function', 'MATCH (p:Paper) RETURN tolowr(p.title) AS title', 'tolowr'],
    [
      'a misspelled procedure',
      "CALL db.index.fulltext.queryNode('paper_text', $search) YIELD node RETURN node",
      'queryNode',
    ],
    ['an APOC function', 'MATCH (p:Paper) RETURN apoc.text.join(p.authors, ", ") AS a', 'apoc'],
    ['a syntax error', 'MATCH (p:Paper) RETRUN p', 'RETRUN'],
    ['an undeclared parameter', 'MATCH (p:Paper {id: $paper}) RETURN p', '$paper'],
    ['an unknown variable', 'MATCH (p:Paper) RETURN q', 'q'],
    ['a misspelled label', 'MATCH (p:Papr) RETURN p', 'Papr'],
    ['a misspelled property', 'MATCH (p:Paper) RETURN p.titel AS title', 'titel'],
    ['a misspelled relationship type', 'MATCH (:Paper)-[m:MENTION]->(t:Topic) RETURN t', 'MENTION'],
  ])('catches %s', (_what, statement, culprit) => {
    const found = problems(statement);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(culprit);
  });
});

describe('Cypher comes only from queries.ts', () => {
  const ADAPTER = 'server/store/neo4j';
  const sources = readdirSync(ADAPTER)
    .filter((file) => file.endsWith('.ts') && file !== 'queries.ts')
    .map((file) => ({ file, text: readFileSync(join(ADAPTER, file), 'utf8') }));

  it('reads the adapter’s sources', () => {
    expect(sources.map((source) => source.file)).toContain('neo4j-store.ts');
  });

  it('sends nothing but a constant of queries.ts', () => {
    const offenders: string[] = [];
    for (const { file, text } of sources) {
      // The first argument of every call that sends a statement (not the helper's definition).
      const calls = /(?<!function )\b(?:run|executeQuery)(?:<[^>]*>)?\(\s*([^,)]+)/g;
      for (const call of text.matchAll(calls)) {
        const argument = call[1]!.trim();
        // `run(tx, …)` is the adapter's one helper: its statement is its second argument.
        const rest = text.slice(call.index + call[0].length);
        const statement = argument === 'tx' ? /^\s*,\s*([^,)]+)/.exec(rest)?.[1]?.trim() : argument;
        const constant = '(?:QUERIES|SCHEMA_QUERIES)\\.\\w+';
        const allowed =
          // A constant, or a choice between two (`short ? QUERIES.a : QUERIES.b`).
          new RegExp(`^(?:\\w+ \\? ${constant} : )?${constant}$`).test(
            (statement ?? '').replace(/\s+/g, ' '),
          ) ||
          // The helpers' own parameter, typed as a statement of queries.ts.
          statement === 'statement';
        if (!allowed) offenders.push(`${file}: ${call[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('types the helpers’ statement as a constant of queries.ts, not any string', () => {
    const store = sources.find((source) => source.file === 'neo4j-store.ts')!.text;
    expect(store).toMatch(/statement: Statement/);
    expect(store).toMatch(/type Statement =\s*\|?\s*\(typeof QUERIES\)/);
    expect(store).not.toMatch(/statement: string/);
  });
});
