import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { ingest } from './pipeline.ts';
import { withoutMarkup, type PaperRecord } from './record.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const record = (title: string, abstract?: string): PaperRecord => ({
  title,
  ...(abstract === undefined ? {} : { abstract }),
  source: { file: 'x.jsonl', line: 1 },
});

describe('withoutMarkup', () => {
  it('takes tags out of the title and abstract, keeping the words between them', () => {
    expect(
      withoutMarkup(
        record(
          'Learning <i>causal</i> graphs <img src=x onerror=alert(1)>',
          '<jats:p>We study <sup>2</sup>-step interventions.</jats:p><br/>Code at https://github.com/a/b.',
        ),
      ),
    ).toMatchObject({
      title: 'Learning causal graphs',
      abstract: 'We study 2-step interventions. Code at https://github.com/a/b.',
    });
  });

  it('keeps the address of a link, after its text when they differ', () => {
    expect(
      withoutMarkup(
        record(
          'A title',
          'Code: <a href="https://github.com/a/b">https://github.com/a/b</a>; data <a class="x" href=\'https://huggingface.co/d\'>here</a>.',
        ),
      ).abstract,
    ).toBe('Code: https://github.com/a/b; data here (https://huggingface.co/d).');
  });

  it('leaves text with a < that opens no tag as it is', () => {
    const plain = record('When a < b and x<2 hold: bounds for n <= m', 'Text with\n\nparagraphs.');
    expect(withoutMarkup(plain)).toEqual(plain);
  });
});

describe('markup at ingest', () => {
  it('never becomes a topic, and a title that was only markup is refused as untitled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topograph-markup-'));
    const store = createSqliteStore(':memory:');
    try {
      const file = join(dir, 'papers.jsonl');
      const abstract =
        '<jats:p>We learn <i>causal</i> graphs from interventional data with a score-based method. ' +
        'Our <b>method</b> scales to thousands of variables.</jats:p>';
      writeFileSync(
        file,
        [
          { title: 'Causal graphs <img src=x onerror=alert(1)>', abstract },
          { title: 'Scalable causal discovery', abstract },
          { title: '<img src=x>', abstract },
        ]
          .map((paper) => JSON.stringify(paper))
          .join('\n'),
      );
      const summary = await ingest([file], store);
      expect(summary.recordCount).toBe(2);
      expect(summary.skippedRecords).toEqual([expect.stringContaining('line 3: no title')]);
      const papers = await store.exportPapers('', 10);
      expect(papers.map((paper) => paper.paper.title).sort()).toEqual([
        'Causal graphs',
        'Scalable causal discovery',
      ]);
      const topics = papers.flatMap((paper) => paper.mentions.map((mention) => mention.topicId));
      expect(topics).toContain('causal graph');
      for (const tag of ['img', 'jats', 'jats:p', 'onerror', 'src'])
        expect(topics).not.toContain(tag);
      expect(papers[0]!.paper.abstract).not.toContain('<');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
