// Neo4j keeps a -0.0 it was given where SQLite gives back 0: the rows read as the embedded store's.
import { describe, expect, it } from 'vitest';
import { topicFromProperties } from './rows.ts';

describe('topicFromProperties', () => {
  it('reads a position of -0 as 0', () => {
    const topic = topicFromProperties({ id: 'a', label: 'a', df: 1, cluster: 0, x: -0, y: -0 });
    expect(Object.is(topic.x, 0)).toBe(true);
    expect(Object.is(topic.y, 0)).toBe(true);
  });
});
