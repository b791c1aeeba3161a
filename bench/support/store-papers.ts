/** Every paper of a store, read page by page through the export side of the port. */
import type { ExportSide } from '../../server/store/graph-store.ts';

export interface PaperText {
  id: string;
  title: string;
  abstract: string;
}

/** Each paper's id, title and abstract, in id order. */
export async function paperTexts(store: ExportSide): Promise<PaperText[]> {
  const papers: PaperText[] = [];
  let after = '';
  for (;;) {
    const page = await store.exportPapers(after, 2_000);
    if (page.length === 0) return papers;
    for (const { paper } of page) {
      papers.push({ id: paper.id, title: paper.title, abstract: paper.abstract });
    }
    after = page.at(-1)!.paper.id;
  }
}
