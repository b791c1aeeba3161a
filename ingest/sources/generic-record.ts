/**
 * Maps a plain record — a JSON object or a CSV row — with commonly used field names to a
 * `PaperRecord`: `title`, `abstract`|`summary`, `authors`, `year`|`date`|`published`, `doi`,
 * `url`, `arxiv_id`, `code_repos`|`repo`|`github`, `categories`, and the column names of Scopus and Web of
 * Science exports. Names are matched case- and punctuation-insensitively.
 */
import type { PaperRecord, SourceLocation } from '../record.ts';

/** Field names for each record field, in order of preference, normalised (see `fieldKey`). */
const FIELDS = {
  title: ['title', 'articletitle', 'documenttitle', 'papertitle', 'ti', 'name'],
  abstract: ['abstract', 'summary', 'abstracttext', 'ab', 'description'],
  authors: ['authors', 'author', 'authorfullnames', 'authornames', 'au', 'creators'],
  published: [
    'published',
    'publicationdate',
    'date',
    'publishedat',
    'year',
    'publicationyear',
    'py',
  ],
  doi: ['doi', 'di'],
  url: ['url', 'link', 'landingpage', 'abstracturl'],
  arxivId: ['arxivid', 'arxiv', 'eprint'],
  links: [
    'coderepos',
    'coderepo',
    'repo',
    'repos',
    'github',
    'githubrepo',
    'codeurl',
    'code',
    'projectpage',
  ],
  comment: ['comment', 'comments', 'note'],
  organization: ['organization', 'organisation', 'affiliation'],
  upvotes: ['upvotes', 'hfupvotes'],
  categories: ['primarycategory', 'primaryclass', 'categories', 'category', 'arxivcategories'],
} as const;

/** An arXiv category: `cs.CL`, `stat.ME`, `hep-th`, `math-ph`, `q-bio.NC`. */
const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2,})?$/;

/**
 * Categories from one field: `cs.CL cs.AI` (arXiv's metadata, space-separated) or a list split
 * by `;`, `|` or `,`; a name with spaces ("Machine Learning") stays whole unless every word of
 * it is an arXiv category.
 */
export function categoryList(value: unknown): string[] {
  const items = Array.isArray(value) ? list(value) : (text(value) ?? '').split(/\s*[;|,]\s*/);
  return items.flatMap((item) => {
    const words = item.trim().split(/\s+/);
    return words.length > 1 && words.every((word) => ARXIV_CATEGORY.test(word))
      ? words
      : item.trim() || [];
  });
}

export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function pick(record: Map<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const value = record.get(name);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A list from an array, or from a `;`-separated (or `|`-separated) string. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .map((item) => text(item) ?? text((item as { name?: unknown } | null)?.name))
      .filter((item): item is string => item !== undefined);
  }
  const single = text(value);
  if (!single) return [];
  return single
    .split(/\s*[;|]\s*/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `2023`, `2023-06`, `2023-06-20`, `2023-06-20T10:00:00Z`, `2023/06/20` → ISO, as precise as given. */
export function isoDate(value: unknown): string | undefined {
  const raw = text(value);
  const match = raw && /^(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?/.exec(raw);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return [year, month?.padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean).join('-');
}

/**
 * The record in `fields`, or a reason it cannot be one (no title). Unknown fields are ignored.
 */
export function genericRecord(
  fields: Record<string, unknown>,
  source: SourceLocation,
): PaperRecord | string {
  const record = new Map(Object.entries(fields).map(([name, value]) => [fieldKey(name), value]));
  const title = text(pick(record, FIELDS.title));
  if (!title) return 'no title field (looked for title, Title, Article Title, …)';
  const paper: PaperRecord = { title, source };
  const abstract = text(pick(record, FIELDS.abstract));
  if (abstract) paper.abstract = abstract;
  const authors = list(pick(record, FIELDS.authors));
  if (authors.length) paper.authors = authors;
  const published = isoDate(pick(record, FIELDS.published));
  if (published) paper.published = published;
  const doi = text(pick(record, FIELDS.doi));
  if (doi) paper.doi = doi;
  const arxivId = text(pick(record, FIELDS.arxivId));
  if (arxivId) paper.arxivId = arxivId;
  const url = text(pick(record, FIELDS.url));
  if (url) paper.url = url;
  const links = FIELDS.links.flatMap((name) => list(record.get(name)));
  if (links.length) paper.links = links;
  const comment = text(pick(record, FIELDS.comment));
  if (comment) paper.comment = comment;
  const organization = text(pick(record, FIELDS.organization));
  if (organization) paper.organization = organization;
  const upvotes = Number(pick(record, FIELDS.upvotes));
  if (Number.isInteger(upvotes) && upvotes >= 0) paper.upvotes = upvotes;
  const categories = [
    ...new Set(FIELDS.categories.flatMap((name) => categoryList(record.get(name)))),
  ];
  if (categories.length) paper.categories = categories;
  return paper;
}
