// What `docker compose up` and CI run, checked without Docker (no Docker engine runs on the
// development machines): docker-compose.yml, the Dockerfile and the GitHub workflow parse,
// and say what the README promises — Neo4j 5.26 Community with a healthcheck, its ports,
// volumes and memory settings, a default password Neo4j accepts, the app waiting for a
// healthy Neo4j and reaching it with the same password; CI (.ci/run, which the GitHub workflow
// runs) starting a live Neo4j with `npm run neo4j` and running the README's test command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_NEO4J_PASSWORD } from '../server/store/open-store.ts';

const NEO4J_IMAGE = 'neo4j:5.26-community';

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition?: string }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const neo4j = compose.services.neo4j!;
const app = compose.services.app!;

/** `${NAME:-default}` → the default compose uses when NAME is unset. */
function defaultOf(value: string | number | undefined, name: string): string | undefined {
  return new RegExp(`\\$\\{${name}:-([^}]*)\\}`).exec(String(value ?? ''))?.[1];
}

/** The README's test command: the code block of its "## Test" section. */
function readmeTestCommand(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Test\n'));
  return /```sh\n([^\n]+)\n```/.exec(section)![1]!;
}

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 Community with its ports, data and logs volumes, and memory settings', () => {
    expect(neo4j.image).toBe(NEO4J_IMAGE);
    expect(neo4j.ports?.map((port) => port.split(':').at(-1))).toEqual(['7474', '7687']);
    expect(neo4j.volumes).toEqual(['neo4j-data:/data', 'neo4j-logs:/logs']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data', 'neo4j-logs']);
    for (const setting of [
      'NEO4J_server_memory_heap_initial__size',
      'NEO4J_server_memory_heap_max__size',
      'NEO4J_server_memory_pagecache_size',
    ]) {
      expect(String(neo4j.environment?.[setting])).toMatch(/^\$\{NEO4J_\w+:-\d+[GM]\}$/);
    }
  });

  it('takes the password from the environment, with a default Neo4j accepts (8+ characters)', () => {
    const auth = String(neo4j.environment?.NEO4J_AUTH);
    expect(auth).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:-[^}]+\}$/);
    // The same local default as npm run neo4j and the app, so any of them reaches the other.
    expect(defaultOf(auth, 'NEO4J_PASSWORD')).toBe(DEFAULT_NEO4J_PASSWORD);
    expect(DEFAULT_NEO4J_PASSWORD.length).toBeGreaterThanOrEqual(8);
    // The app logs in with the same password, whether set or defaulted.
    expect(app.environment?.NEO4J_PASSWORD).toBe(auth.slice('neo4j/'.length));
  });

  it('checks Neo4j is healthy by a query over Bolt', () => {
    expect(neo4j.healthcheck?.test?.[0]).toBe('CMD-SHELL');
    expect(neo4j.healthcheck?.test?.[1]).toMatch(/^cypher-shell -u neo4j -p .*RETURN 1/);
  });

  it('builds the app, on Neo4j, once Neo4j is healthy, serving the explorer on 5173', () => {
    expect(app.build).toBe('.');
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(app.environment).toMatchObject({
      TOPOGRAPH_STORE: 'neo4j',
      NEO4J_URI: 'bolt://neo4j:7687',
      NEO4J_USER: 'neo4j',
      HOST: '0.0.0.0',
      PORT: 5173,
    });
    expect(app.ports).toEqual(['127.0.0.1:5173:5173']);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const instructions = dockerfile
    .split('\n')
    .filter((line) => /^[A-Z]+ /.test(line))
    .map((line) => line.split(' ')[0]);

  it('builds on Node 20 bookworm-slim with npm ci and the production build', () => {
    expect(dockerfile.match(/^FROM (\S+)/gm)).toEqual([
      'FROM node:20-bookworm-slim',
      'FROM node:20-bookworm-slim',
    ]);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
  });

  it('runs as the unprivileged node user: ingests the samples when empty, then serves', () => {
    expect(instructions.at(-3)).toBe('USER');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(
      /ingest\/cli\.ts --if-empty data\/samples && exec node .*server\/main\.ts/,
    );
  });

  it('leaves local installs, databases and secrets out of the image', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining([
        'node_modules',
        'dist',
        'data/*.db',
        'data/neo4j',
        'neo4j/target',
        '.env',
      ]),
    );
  });
});

describe('CI: .ci/run, and the GitHub workflow that runs it', () => {
  const run = readFileSync('.ci/run', 'utf8');
  const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
    jobs: Record<string, { container?: string; steps: { uses?: string; run?: string }[] }>;
  };
  const job = Object.values(workflow.jobs)[0]!;

  it('starts a live Neo4j with npm run neo4j, waits for it, and stops it on every exit', () => {
    expect(run).toMatch(/^setsid npm run neo4j > "\$NEO4J_LOG" 2>&1 &$/m);
    expect(run).toMatch(/^export NEO4J_URI="bolt:\/\/127\.0\.0\.1:\$\{NEO4J_PORT\}"$/m);
    expect(run).toMatch(/^trap stop_neo4j EXIT$/m);
    // The trap is set before the wait, so a Neo4j that never gets ready is stopped too.
    expect(run.indexOf('trap stop_neo4j EXIT')).toBeLessThan(
      run.indexOf("until grep -q ' ready at"),
    );
  });

  it('runs exactly the README’s test command, and fails when no test reached Neo4j', () => {
    expect(readmeTestCommand()).toBe('npm test');
    expect(run).toMatch(/^ {2}npm test 2>&1 \| tee "\$TEST_LOG"$/m);
    // On the machine's Node, then on each newer release, each failing the run on its own.
    expect(run).toMatch(/^run_tests "the machine's" \|\| overall=1$/m);
    expect(run).toMatch(/^NEWER_NODES="24\.\d+\.\d+ 26\.\d+\.\d+"$/m);
    expect(run).toContain(
      'npm ci --no-audit --no-fund --loglevel=error && run_tests "Node $version"',
    );
    expect(run).toMatch(/^exit "\$overall"$/m);
    expect(run).toContain("grep -Eq '^neo4j: [1-9][0-9]* tests ran against the live Neo4j'");
  });

  it('is what the GitHub workflow runs, on Debian bookworm with Node 20, Java 17 and Maven', () => {
    expect(job.container).toBe('node:20-bookworm');
    expect(job.steps.map((step) => step.uses?.split('@')[0] ?? step.run?.split('\n')[0])).toEqual([
      'actions/checkout',
      'npm install -g npm@11',
      'apt-get update -qq',
      'bash .ci/run',
    ]);
    expect(job.steps[2]?.run).toContain('apt-get install -y -qq openjdk-17-jdk-headless maven');
  });
});
