/**
 * A Vitest reporter that says, at the end of every run, how many tests ran against a live
 * Neo4j (tests tagged `neo4j`) and how they ended, so a CI log shows at a glance that the
 * Neo4j store was really exercised, not silently left out for want of NEO4J_URI.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** The tag of every test that talks to a real Neo4j server. */
export const NEO4J_TAG = 'neo4j';

export default class Neo4jReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const states = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.tags.includes(NEO4J_TAG)) states[test.result().state] += 1;
      }
    }
    const ran = states.passed + states.failed;
    const uri = process.env.NEO4J_URI;
    const where = uri ? `the live Neo4j at ${uri}` : 'a live Neo4j';
    const line =
      ran === 0
        ? `neo4j: no test ran against a live Neo4j${uri ? '' : ' (NEO4J_URI is not set; see README, "Running on Neo4j")'}`
        : `neo4j: ${ran} tests ran against ${where}: ${states.passed} passed, ${states.failed} failed` +
          (states.skipped ? `, ${states.skipped} skipped` : '');
    process.stdout.write(`\n${line}\n`);
  }
}
