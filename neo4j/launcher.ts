/**
 * Runs a local Neo4j 5.26 Community server from Maven Central's jars, without Docker: checks
 * Java and the port, builds the tiny Java launcher once (`mvn package`, which downloads the
 * jars into ~/.m2 on the first run), then starts `LocalNeo4j` and reports when Bolt answers.
 * Used by `npm run neo4j` (main.ts), `.ci/run` (through it) and the benchmarks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalNeo4jError, boltUri, type LocalNeo4jOptions } from './options.ts';

/** This folder: pom.xml, the Java source, and target/ once built. */
const LAUNCHER_DIR = dirname(fileURLToPath(import.meta.url));
const POM = join(LAUNCHER_DIR, 'pom.xml');
const SOURCE = join(LAUNCHER_DIR, 'src/main/java/dev/topograph/neo4j/LocalNeo4j.java');
const CLASSES = join(LAUNCHER_DIR, 'target/classes');
const LIB = join(LAUNCHER_DIR, 'target/lib');
/** Written after a successful build; older than pom.xml or the source means build again. */
const STAMP = join(LAUNCHER_DIR, 'target/launcher.stamp');
const MAIN_CLASS = 'dev.topograph.neo4j.LocalNeo4j';

/** The oldest Java Neo4j 5.26 runs on (it supports 17 and 21). */
const MIN_JAVA = 17;

/** Exit codes of LocalNeo4j.java. */
const EXIT_PORT_TAKEN = 65;

/**
 * JVM flags from Neo4j's stock neo4j.conf: Java 17 must open these packages to Neo4j's
 * off-heap memory and Netty, or the page cache and Bolt fail at start.
 */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

type Env = Record<string, string | undefined>;

/** The Neo4j version pom.xml pins, for messages. */
export function neo4jVersion(): string {
  return /<neo4j\.version>([^<]+)</.exec(readFileSync(POM, 'utf8'))?.[1] ?? '5.26';
}

/** `java` of JAVA_HOME, else of PATH, if it is Java 17 or newer; a clear error otherwise. */
export function findJava(env: Env = process.env): string {
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const where = env.JAVA_HOME ? `JAVA_HOME=${env.JAVA_HOME}` : 'java on PATH';
  const result = spawnSync(command, ['-version'], { env, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      `neo4j: Java ${MIN_JAVA} or newer is needed to run Neo4j, and none was found (${where}). ` +
        'Install a JDK 17 or 21 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless; ' +
        'macOS: brew install openjdk@17), or run Neo4j with `docker compose up -d neo4j`.',
    );
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = version ? (version[1] === '1' ? Number(version[2]) : Number(version[1])) : 0;
  if (major < MIN_JAVA) {
    throw new LocalNeo4jError(
      `neo4j: Neo4j 5.26 needs Java ${MIN_JAVA} or newer; ${where} is Java ${major || '(unknown)'}. ` +
        'Install a JDK 17 or 21, or point JAVA_HOME at one.',
    );
  }
  return command;
}

/** `mvn` on PATH, needed once to fetch the jars; a clear error otherwise. */
export function findMaven(env: Env = process.env): string {
  const result = spawnSync('mvn', ['-v'], { env, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      "neo4j: Apache Maven is needed once, to download Neo4j's jars from Maven Central, and " +
        '`mvn` was not found on PATH. Install it (Debian/Ubuntu: apt-get install maven; ' +
        'macOS: brew install maven), or run Neo4j with `docker compose up -d neo4j`.',
    );
  }
  return 'mvn';
}

/** Whether target/ holds a build of the current pom.xml and source. */
export function launcherBuilt(): boolean {
  if (!existsSync(STAMP) || !existsSync(LIB)) return false;
  const built = statSync(STAMP).mtimeMs;
  return statSync(POM).mtimeMs <= built && statSync(SOURCE).mtimeMs <= built;
}

/** Megabytes of jars in target/lib (what the first build downloads, give or take). */
function libMegabytes(): number {
  const bytes = readdirSync(LIB).reduce((sum, file) => sum + statSync(join(LIB, file)).size, 0);
  return Math.round(bytes / 2 ** 20);
}

/**
 * `mvn package`: compiles the launcher and copies Neo4j's runtime jars to target/lib,
 * downloading them into ~/.m2 the first time. `say` hears a line every 15 s while it runs.
 */
export async function buildLauncher(
  env: Env = process.env,
  say: (line: string) => void = () => {},
): Promise<{ seconds: number; megabytes: number }> {
  const maven = findMaven(env);
  const started = Date.now();
  const child = spawn(maven, ['-B', '-q', '-f', POM, 'package'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ticker = setInterval(() => {
    say(`still building (${Math.round((Date.now() - started) / 1000)} s)…`);
  }, 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(ticker);
  if (code !== 0) {
    const tail = output.trim().split('\n').slice(-15).join('\n');
    throw new LocalNeo4jError(
      `neo4j: building the launcher failed (mvn exited ${code}); Maven needs to reach Maven ` +
        `Central (repo.maven.apache.org) on the first run.\n${tail}`,
    );
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return { seconds: (Date.now() - started) / 1000, megabytes: libMegabytes() };
}

/** Rejects when something already listens on the port, before the JVM is started. */
export async function checkPortFree(host: string, port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? portTaken(host, port)
          : new LocalNeo4jError(`neo4j: cannot use ${host}:${port}: ${error.message}`),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

function portTaken(host: string, port: number): LocalNeo4jError {
  return new LocalNeo4jError(
    `neo4j: port ${port} on ${host} is taken (another Neo4j, or docker compose?); stop it, or ` +
      `choose another port: NEO4J_URI=bolt://127.0.0.1:${port + 1} npm run neo4j`,
  );
}

/** The `java` command line that starts the server with these options. */
export function javaArguments(options: LocalNeo4jOptions): string[] {
  return [
    `-Xmx${options.heap}`,
    ...JVM_FLAGS,
    '-cp',
    [CLASSES, join(LIB, '*')].join(delimiter),
    MAIN_CLASS,
    '--home',
    options.dir,
    '--port',
    String(options.port),
    '--pagecache',
    String(options.pageCache),
  ];
}

export interface LocalNeo4j {
  uri: string;
  /** The server's ready line ("neo4j: Neo4j 5.26.28 community ready at …"). */
  readyLine: string;
  process: ChildProcess;
  /** SIGTERM, then waits for the database to shut down; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Resolves with the exit code when the server stops for any reason. */
  exited: Promise<number | null>;
}

export interface StartOptions {
  env?: Env;
  /** Every line the server prints, ready line included (default: nowhere). */
  onLine?: (line: string) => void;
  /** How long to wait for the ready line (default 3 minutes). */
  timeoutMs?: number;
}

/**
 * Starts the server (build it first) and resolves once it prints its ready line; rejects
 * with the server's own message when it exits first (port taken, bad password, locked data).
 */
export async function startLocalNeo4j(
  options: LocalNeo4jOptions,
  { env = process.env, onLine = () => {}, timeoutMs = 180_000 }: StartOptions = {},
): Promise<LocalNeo4j> {
  const java = findJava(env);
  await checkPortFree(options.host, options.port);
  const child = spawn(java, javaArguments(options), {
    env: { ...env, NEO4J_PASSWORD: options.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : null)));
  });
  const lines: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(
        new LocalNeo4jError(
          `neo4j: not ready after ${timeoutMs / 1000} s; see ${join(options.dir, 'logs')}`,
        ),
      );
    }, timeoutMs);
    const read = (stream: NodeJS.ReadableStream) => {
      let pending = '';
      stream.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
          const line = pending.slice(0, end);
          pending = pending.slice(end + 1);
          lines.push(line);
          onLine(line);
          if (/ ready at bolt:\/\//.test(line)) {
            clearTimeout(timer);
            resolve(line);
          }
        }
      });
    };
    read(child.stdout!);
    read(child.stderr!);
    void exited.then((code) => {
      clearTimeout(timer);
      if (code === EXIT_PORT_TAKEN) reject(portTaken(options.host, options.port));
      const said = lines.filter((line) => line.startsWith('neo4j:')).join('\n');
      reject(
        new LocalNeo4jError(
          said ||
            `neo4j: the server exited with code ${code} before it was ready; see ${join(options.dir, 'logs')}`,
        ),
      );
    });
  });
  const readyLine = await ready;
  return {
    uri: boltUri(options),
    readyLine,
    process: child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
