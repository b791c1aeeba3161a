/** The papers' full-text index (FTS5 `paper_search`, keyed by rowid through `paper_search_rows`). */
import type Database from 'better-sqlite3';

/** Returns a function that puts (or replaces) a paper's title and abstract in the index. */
export function searchIndexer(db: Database.Database) {
  const findRow = db
    .prepare<[string], number>('SELECT row FROM paper_search_rows WHERE paper_id = ?')
    .pluck();
  const deleteText = db.prepare('DELETE FROM paper_search WHERE rowid = ?');
  const insertText = db.prepare('INSERT INTO paper_search (title, abstract) VALUES (?, ?)');
  const upsertRow = db.prepare(
    `INSERT INTO paper_search_rows (paper_id, row) VALUES (?, ?)
     ON CONFLICT (paper_id) DO UPDATE SET row = excluded.row`,
  );
  return (id: string, title: string, abstract: string) => {
    const old = findRow.get(id);
    if (old !== undefined) deleteText.run(old);
    upsertRow.run(id, insertText.run(title, abstract).lastInsertRowid);
  };
}
