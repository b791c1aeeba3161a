import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { createMapAppearance } from '../map/map-appearance.ts';
import { createFocusDataset, createMapDataset, KIND_COLORS } from '../map/map-dataset.ts';
import { NO_FILTERS } from '../map/map-filters.ts';
import { exportName, shownGraph, toCsv, toGexf } from './export-graph.ts';

const node = (key: string, paperCount: number, cluster: number, codeShare: number) => ({
  key,
  attributes: {
    label: key,
    paperCount,
    weight: paperCount,
    cluster,
    x: paperCount,
    y: cluster,
    codeShare,
    repositoryCount: 0,
  },
});
const base = createMapDataset({
  attributes: {
    clusters: [
      { id: 0, label: 'a · b', topicCount: 2, paperCount: 5, codeShare: 0.2, repositoryCount: 1 },
      { id: 1, label: 'c', topicCount: 1, paperCount: 2, codeShare: 0, repositoryCount: 0 },
    ],
  },
  options: { type: 'undirected', multi: false, allowSelfLoops: false },
  nodes: [node('a', 5, 0, 0.2), node('b, "quoted"', 3, 0, 0), node('c', 2, 1, 0)],
  edges: [
    {
      key: 'a->b',
      source: 'a',
      target: 'b, "quoted"',
      attributes: { paperCount: 2, strength: 1.5 },
    },
    { key: 'a->c', source: 'a', target: 'c', attributes: { paperCount: 1, strength: 0.5 } },
  ],
});

describe('exports', () => {
  it('keep the shown topics and the links between them, with colours and clusters', () => {
    const filtered = {
      ...base,
      appearance: createMapAppearance(base.graph, base.clusters, 'cluster', {
        ...NO_FILTERS,
        minPapers: 3,
      }),
    };
    const shown = shownGraph(filtered);
    expect(shown.nodes()).toEqual(['a', 'b, "quoted"']);
    expect(shown.edges()).toEqual(['a->b']);
    expect(shown.getNodeAttributes('a')).toMatchObject({ clusterLabel: 'a · b', papers: 5 });
    expect(shown.getNodeAttribute('a', 'color')).toBe(filtered.appearance.nodeColor('a'));
    expect(exportName('topics', 'year', true)).toBe('topograph-topics-by-year-filtered');
  });

  it('write GEXF that reads back as the same graph', () => {
    const shown = shownGraph(base);
    const back = parseGexf(Graph, toGexf(shown));
    expect(back.order).toBe(3);
    expect(back.size).toBe(2);
    expect(back.getNodeAttribute('a', 'label')).toBe('a');
  });

  it('write CSV tables that read back, quoting what needs it', () => {
    const { nodes, links } = toCsv(shownGraph(base));
    const rows = parseCsv(nodes, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.id)).toEqual(['a', 'b, "quoted"', 'c']);
    expect(rows[0]).toMatchObject({
      cluster_label: 'a · b',
      code_share: '0.2',
      year: '',
      kind: 'topic',
    });
    const edges = parseCsv(links, { columns: true }) as Record<string, string>[];
    expect(edges).toEqual([
      { source: 'a', target: 'b, "quoted"', papers: '2', strength: '1.5' },
      { source: 'a', target: 'c', papers: '1', strength: '0.5' },
    ]);
  });
});

describe('exports of the focus view', () => {
  it('carry what the focus graph draws, not clusters or overlays it does not have', () => {
    const focus = createFocusDataset([
      {
        kind: 'repository',
        data: {
          repository: {
            id: 'github.com/o/r',
            url: 'https://github.com/o/r',
            host: 'github.com',
            owner: 'o',
            name: 'r',
            kind: 'code',
          },
          papers: [{ id: 'p', title: 'A paper', status: 'released' }],
        },
      },
    ]);
    const shown = shownGraph(focus);
    expect(shown.getNodeAttributes('paper:p')).toEqual({
      kind: 'paper',
      label: 'A paper',
      x: expect.any(Number),
      y: expect.any(Number),
      size: focus.appearance.nodeSize('paper:p'),
      color: KIND_COLORS.paper,
    });
    // A point on the ring straight above the centre: x is 0, not 6.1e-16.
    expect(shown.getNodeAttribute('paper:p', 'x')).toBe(0);
    expect(exportName('focus', 'cluster', false)).toBe('topograph-focus');
    const rows = parseCsv(toCsv(shown).nodes, { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.id === 'paper:p')).toMatchObject({
      kind: 'paper',
      cluster: '',
      code_share: '',
    });
  });
});
