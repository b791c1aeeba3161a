import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_READ_THREADS, serverConfig } from './config.ts';

describe('serverConfig', () => {
  it('reads HOST, PORT and TOPOGRAPH_READ_THREADS, with defaults', () => {
    expect(serverConfig({})).toEqual({
      host: '127.0.0.1',
      port: 5173,
      readThreads: DEFAULT_READ_THREADS,
    });
    expect(serverConfig({ HOST: '0.0.0.0', PORT: '8080', TOPOGRAPH_READ_THREADS: '0' })).toEqual({
      host: '0.0.0.0',
      port: 8080,
      readThreads: 0,
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535, got "70000"/],
    [{ TOPOGRAPH_READ_THREADS: 'two' }, /TOPOGRAPH_READ_THREADS must be .* 0 to 16, got "two"/],
    [{ TOPOGRAPH_READ_THREADS: '-1' }, /TOPOGRAPH_READ_THREADS/],
    [{ TOPOGRAPH_READ_THREADS: '1.5' }, /TOPOGRAPH_READ_THREADS/],
  ])('refuses %j, saying what it takes', (env, message) => {
    expect(() => serverConfig(env)).toThrow(ConfigError);
    expect(() => serverConfig(env)).toThrow(message);
  });
});
