/**
 * `npm run neo4j`: a local Neo4j 5.26 Community for Topograph, with Java and Maven, no Docker.
 * Bolt on 127.0.0.1 (the port of NEO4J_URI, else 7687), data under data/neo4j, the password
 * of NEO4J_PASSWORD (else topograph-local). Prints one line when ready; Ctrl+C stops it.
 */
import { loadDotEnv } from '../server/config.ts';
import {
  buildLauncher,
  findJava,
  launcherBuilt,
  neo4jVersion,
  startLocalNeo4j,
  type LocalNeo4j,
} from './launcher.ts';
import { LocalNeo4jError, localNeo4jOptions } from './options.ts';

loadDotEnv();

function fail(error: unknown): never {
  console.error(error instanceof LocalNeo4jError ? error.message : error);
  process.exit(1);
}

let server: LocalNeo4j | undefined;
let stopping = false;
const stop = () => {
  if (stopping || !server) {
    if (!server) process.exit(130);
    return;
  }
  stopping = true;
  void server.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  const options = localNeo4jOptions(process.env);
  findJava(process.env);
  if (!launcherBuilt()) {
    console.log(
      `neo4j: building the launcher; the first run downloads Neo4j ${neo4jVersion()} ` +
        "(about 160 MB with Maven's plugins) from Maven Central into ~/.m2…",
    );
    const built = await buildLauncher(process.env, (line) => console.log(`neo4j: ${line}`));
    console.log(`neo4j: built in ${built.seconds.toFixed(0)} s (${built.megabytes} MB of jars)`);
  }
  console.log(`neo4j: starting Neo4j ${neo4jVersion()} (heap ${options.heap})…`);
  server = await startLocalNeo4j(options, { onLine: (line) => console.log(line) });
  const code = await server.exited;
  if (!stopping) fail(new LocalNeo4jError(`neo4j: the server stopped (exit code ${code})`));
} catch (error) {
  fail(error);
}
