// Vitest runs every test in the repo: unit tests sit beside their code (`*.test.ts`),
// tests that cross folders (store contract, API, browser) live in test/. Tests that talk to a
// real Neo4j carry the tag `neo4j` (`npx vitest --tags-filter neo4j` runs only those), and
// the last line of every run counts them (test/support/neo4j-reporter.ts).
import { defineConfig } from 'vitest/config';
import { NEO4J_TAG } from './test/support/neo4j-reporter.ts';

export default defineConfig({
  test: {
    include: ['{ingest,server,web,test,neo4j}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/neo4j-reporter.ts'],
    tags: [
      {
        name: NEO4J_TAG,
        description: 'runs against a live Neo4j: NEO4J_URI, or the local server of npm run neo4j',
      },
    ],
  },
});
