// Vitest runs every test in the repo: unit tests sit beside their code (`*.test.ts`),
// tests that cross folders (store contract, API, browser) live in test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{ingest,server,web,test}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
