// `npm run neo4j`. Offline, always: its options from the environment (passed as data), and the
// messages a user gets when Java or Maven is missing or the port is taken (a real socket holds
// it). Live, wherever the launcher has been built (`npm run neo4j` once; .ci/run does): a real
// Neo4j 5.26 started on a free port in a temporary folder, logged into with its password and
// refused with another, refusing a second server on its port, stopped with SIGTERM, and started
// again on the same folder with its data kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEO4J_TAG } from '../test/support/neo4j-reporter.ts';
import { freePort } from '../test/support/ports.ts';
import {
  checkPortFree,
  findJava,
  findMaven,
  javaArguments,
  launcherBuilt,
  startLocalNeo4j,
  type LocalNeo4j,
} from './launcher.ts';
import { LocalNeo4jError, localNeo4jOptions } from './options.ts';

describe('npm run neo4j: options from the environment', () => {
  it('defaults to 127.0.0.1:7687, data/neo4j, the local password, 1G heap, 512M page cache', () => {
    expect(localNeo4jOptions({}, '/clone')).toEqual({
      host: '127.0.0.1',
      port: 7687,
      password: 'topograph-local',
      dir: '/clone/data/neo4j',
      heap: '1G',
      pageCache: 512 * 2 ** 20,
    });
  });

  it('takes the port from NEO4J_URI and the rest from their variables', () => {
    expect(
      localNeo4jOptions(
        {
          NEO4J_URI: 'bolt://localhost:7688',
          NEO4J_PASSWORD: 'a-longer-secret',
          NEO4J_HEAP: '2g',
          NEO4J_PAGECACHE: '256m',
          TOPOGRAPH_NEO4J_DIR: '/var/lib/topograph',
        },
        '/clone',
      ),
    ).toEqual({
      host: '127.0.0.1',
      port: 7688,
      password: 'a-longer-secret',
      dir: '/var/lib/topograph',
      heap: '2G',
      pageCache: 256 * 2 ** 20,
    });
    expect(localNeo4jOptions({ NEO4J_URI: 'neo4j://127.0.0.1' }).port).toBe(7687);
  });

  it('refuses what the local server cannot be, saying which variable to change', () => {
    const refusal = (env: Record<string, string>) => () => localNeo4jOptions(env);
    expect(refusal({ NEO4J_URI: 'bolt://db.example.org:7687' })).toThrow(
      /NEO4J_URI points at db\.example\.org.*starts a server on this machine/,
    );
    expect(refusal({ NEO4J_URI: 'http://127.0.0.1:7474' })).toThrow(/NEO4J_URI must look like/);
    expect(refusal({ NEO4J_URI: 'bolt://127.0.0.1:70000' })).toThrow(/1–65535/);
    expect(refusal({ NEO4J_PASSWORD: 'short' })).toThrow(/8 characters or more/);
    expect(refusal({ NEO4J_USER: 'ana' })).toThrow(/one user, "neo4j"; unset NEO4J_USER/);
    expect(refusal({ NEO4J_HEAP: 'lots' })).toThrow(/NEO4J_HEAP must be a size like 512M/);
    expect(refusal({ NEO4J_PAGECACHE: '0M' })).toThrow(LocalNeo4jError);
  });

  it('starts Java with the heap, the opened packages, and the options', () => {
    const args = javaArguments(localNeo4jOptions({ NEO4J_HEAP: '768m' }, '/clone'));
    expect(args[0]).toBe('-Xmx768M');
    expect(args).toContain('--add-opens=java.base/java.nio=ALL-UNNAMED');
    expect(args.slice(-7)).toEqual([
      'dev.topograph.neo4j.LocalNeo4j',
      '--home',
      '/clone/data/neo4j',
      '--port',
      '7687',
      '--pagecache',
      String(512 * 2 ** 20),
    ]);
  });
});

describe('npm run neo4j: what it says when something is missing', () => {
  it('names Java 17 and how to install it when there is no java', () => {
    expect(() => findJava({ PATH: '/nonexistent' })).toThrow(
      /Java 17 or newer is needed.*none was found \(java on PATH\).*apt-get install openjdk-17/,
    );
    expect(() => findJava({ PATH: '/nonexistent', JAVA_HOME: '/no/such/jdk' })).toThrow(
      /none was found \(JAVA_HOME=\/no\/such\/jdk\)/,
    );
  });

  it('names Maven and what it is needed for when there is no mvn', () => {
    expect(() => findMaven({ PATH: '/nonexistent' })).toThrow(
      /Apache Maven is needed once, to download Neo4j's jars.*apt-get install maven/,
    );
  });

  it('says the port is taken, and how to choose another, before starting Java', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      await expect(checkPortFree('127.0.0.1', port)).rejects.toThrow(
        new RegExp(`port ${port} on 127.0.0.1 is taken.*NEO4J_URI=bolt://127.0.0.1:${port + 1}`),
      );
    } finally {
      holder.close();
    }
  });
});

if (launcherBuilt()) {
  describe('npm run neo4j: a live server', { tags: [NEO4J_TAG] }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'topograph-neo4j-'));
    const password = 'launcher-test-1';
    let port: number;
    let server: LocalNeo4j | undefined;
    const lines: string[] = [];

    const connect = (secret = password) =>
      neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', secret), {
        disableLosslessIntegers: true,
      });
    const start = async () => {
      const options = localNeo4jOptions({
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_PASSWORD: password,
        NEO4J_HEAP: '512M',
        NEO4J_PAGECACHE: '64M',
        TOPOGRAPH_NEO4J_DIR: dir,
      });
      findJava();
      return startLocalNeo4j(options, { onLine: (line) => lines.push(line) });
    };

    beforeAll(async () => {
      port = await freePort();
      server = await start();
    }, 180_000);
    afterAll(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('prints one ready line with the Bolt address, and logs in with NEO4J_PASSWORD', async () => {
      expect(server!.readyLine).toMatch(
        new RegExp(
          `^neo4j: Neo4j 5\\.26\\.\\d+ community ready at bolt://127\\.0\\.0\\.1:${port} `,
        ),
      );
      const driver = connect();
      try {
        const { records } = await driver.executeQuery(
          'CREATE (n:LauncherTest {note: $note}) RETURN n.note AS note',
          { note: 'kept across restarts' },
        );
        expect(records[0]?.get('note')).toBe('kept across restarts');
      } finally {
        await driver.close();
      }
    });

    it('refuses another password', async () => {
      const driver = connect('not-the-password');
      try {
        await expect(driver.verifyConnectivity()).rejects.toMatchObject({
          code: 'Neo.ClientError.Security.Unauthorized',
        });
      } finally {
        await driver.close();
      }
    });

    it('refuses a second server on its port, saying so', async () => {
      await expect(start()).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is taken`));
    });

    it('stops cleanly on SIGTERM and keeps its data for the next start', async () => {
      expect(await server!.stop()).not.toBe(null);
      expect(lines.some((line) => /^neo4j: stopped; data kept in /.test(line))).toBe(true);
      server = await start();
      const driver = connect();
      try {
        const { records } = await driver.executeQuery(
          'MATCH (n:LauncherTest) RETURN n.note AS note',
        );
        expect(records.map((record) => record.get('note'))).toEqual(['kept across restarts']);
      } finally {
        await driver.close();
      }
    }, 180_000);
  });
}
