/**
 * Reads arXiv API responses: the Atom 1.0 feeds `export.arxiv.org/api/query` returns, in the
 * current style (namespaces declared once on `<feed>`) and the legacy one (`xmlns` repeated on
 * every element). Elements are matched by namespace URI, never by prefix, so whatever prefixes
 * a feed declares work. Each `<entry>` becomes a record with its arXiv id (version stripped),
 * title, abstract, first-version date, authors (with affiliations when given), categories
 * (primary first), DOI, comment and abstract-page URL. The feed is
 * read whole: API pages are bounded (at most 2,000 entries, a few MB).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError } from '../errors.ts';
import { readLines, type NumberedLine } from '../read-lines.ts';
import { isArxivId } from '../../server/store/paper-key.ts';
import type { PaperRecord, SourceItem } from '../record.ts';

const STAGE = 'arxiv-atom';
const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';
/** Bound to the `xml` prefix by the XML spec itself, without a declaration. */
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Largest feed read, in characters: far above an API page of 2,000 entries. */
const MAX_FEED_LENGTH = 200_000_000;

/** `http://arxiv.org/abs/2202.12139v1`, `https://arxiv.org/abs/hep-ex/0307015`. */
const ABS_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/abs\/([^?#\s]+?)(?:v\d+)?$/;
/** The id arXiv gives the one entry of an error feed (bad query, malformed id). */
const API_ERROR_ID = /^https?:\/\/(?:export\.)?arxiv\.org\/api\/errors/;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

/** An element with its namespace resolved and its text content (all descendants, in order). */
interface XmlElement {
  namespace: string | undefined;
  name: string;
  children: XmlElement[];
  text: string;
  /** The `term` attribute (`<category term="cs.CL"/>`), the one attribute a field is read from. */
  term: string | undefined;
  /** Character offset of its start tag in the document. */
  offset: number | undefined;
}

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Ids like `2202.12139` must stay strings; whitespace is collapsed per field below.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Numeric character references (`&#233;`) are decoded only with this on.
  htmlEntities: true,
  captureMetaData: true,
});
// Typed as the `Symbol` wrapper by the library; it is a plain symbol at run time.
const METADATA = XMLParser.getMetaDataSymbol() as symbol;

function isObject(value: unknown): value is Record<string | symbol, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collapse(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The element name of an ordered-output node; undefined for text and `<?…?>` nodes. */
function tagOf(node: Record<string | symbol, unknown>): string | undefined {
  const tag = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  return tag === undefined || tag.startsWith('?') ? undefined : tag;
}

/** Turns fast-xml-parser's ordered output into elements, resolving `xmlns` scopes on the way. */
function toElements(nodes: unknown, scope: ReadonlyMap<string, string>): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    if (!isObject(node)) continue;
    const tag = tagOf(node);
    if (tag === undefined) continue;

    // Attributes matter as namespace declarations, and `term` for categories.
    let declared: Map<string, string> | undefined;
    const attributes = isObject(node[':@']) ? node[':@'] : {};
    for (const [name, value] of Object.entries(attributes)) {
      if (typeof value !== 'string') continue;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        declared ??= new Map(scope);
        declared.set(name === 'xmlns' ? '' : name.slice('xmlns:'.length), value);
      }
    }
    const inner = declared ?? scope;

    const colon = tag.indexOf(':');
    const content = node[tag];
    const children = toElements(content, inner);
    const metadata = node[METADATA];
    elements.push({
      namespace: inner.get(colon === -1 ? '' : tag.slice(0, colon)),
      name: tag.slice(colon + 1),
      children,
      text: textOf(content, children),
      term: typeof attributes.term === 'string' ? collapse(attributes.term) : undefined,
      offset:
        isObject(metadata) && typeof metadata.startIndex === 'number'
          ? metadata.startIndex
          : undefined,
    });
  }
  return elements;
}

/** Text and CDATA of `content` and its descendants, in document order. */
function textOf(content: unknown, children: XmlElement[]): string {
  if (!Array.isArray(content)) return '';
  let text = '';
  let child = 0;
  for (const node of content) {
    if (!isObject(node)) continue;
    if (typeof node['#text'] === 'string') text += node['#text'];
    else if (tagOf(node) !== undefined) {
      text += children[child]?.text ?? '';
      child += 1;
    }
  }
  return text;
}

function childrenNamed(parent: XmlElement, namespace: string, name: string): XmlElement[] {
  return parent.children.filter((el) => el.namespace === namespace && el.name === name);
}

function childText(parent: XmlElement, namespace: string, name: string): string {
  return collapse(childrenNamed(parent, namespace, name)[0]?.text);
}

/** 1-based line of a character offset. */
function lineFinder(text: string): (offset: number | undefined) => number | undefined {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === undefined) return undefined;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** The record of one `<entry>`, or the problem that keeps it out. */
function readEntry(entry: XmlElement, number: number, file: string, line: number): SourceItem {
  const fail = (reason: string): IngestError =>
    new IngestError(STAGE, file, line, `entry ${number}: ${reason}`);

  const id = childText(entry, ATOM, 'id');
  if (!id) return fail('no <id>');
  if (API_ERROR_ID.test(id)) {
    return fail(`arXiv API error: ${childText(entry, ATOM, 'summary') || id}`);
  }
  const arxivId = ABS_URL.exec(id)?.[1];
  if (arxivId === undefined || !isArxivId(arxivId)) {
    return fail(`<id> "${id}" is not an arXiv abstract URL`);
  }
  const title = childText(entry, ATOM, 'title');
  if (!title) return fail(`no <title> (arXiv ${arxivId})`);

  const record: PaperRecord = {
    title,
    arxivId,
    url: `https://arxiv.org/abs/${arxivId}`,
    source: { file, line },
  };
  const abstract = childText(entry, ATOM, 'summary');
  if (abstract) record.abstract = abstract;
  const published = ISO_DATE.exec(childText(entry, ATOM, 'published'))?.[1];
  if (published) record.published = published;
  const authors = childrenNamed(entry, ATOM, 'author')
    .map((author) => ({
      name: childText(author, ATOM, 'name'),
      institutions: childrenNamed(author, ARXIV, 'affiliation')
        .map((affiliation) => ({ name: collapse(affiliation.text) }))
        .filter((institution) => institution.name !== ''),
    }))
    .filter((author) => author.name !== '');
  if (authors.length > 0) record.authors = authors.map((author) => author.name);
  // Affiliations are rare on arXiv; authorships say more than names only when some are there.
  if (authors.some((author) => author.institutions.length > 0)) record.authorships = authors;
  // The primary category first, then the others as listed.
  const categories = [
    ...childrenNamed(entry, ARXIV, 'primary_category'),
    ...childrenNamed(entry, ATOM, 'category'),
  ]
    .map((category) => category.term ?? '')
    .filter((term) => term !== '');
  if (categories.length > 0) record.categories = [...new Set(categories)];
  // A paper with several DOIs lists them separated by spaces; the first is the main one.
  const doi = childText(entry, ARXIV, 'doi').split(' ')[0];
  if (doi) record.doi = doi;
  const comment = childText(entry, ARXIV, 'comment');
  if (comment) record.comment = comment;
  return record;
}

/**
 * Reads one arXiv API feed: a record per `<entry>`, in feed order. `source.line` is the line
 * of the entry's start tag; a problem entry (no `<id>` or `<title>`, an id that is not an
 * arXiv abstract URL, the entry of an arXiv error feed) is yielded as an `IngestError` at that
 * line whose message says `entry N` (counting entries from 1), and skipped. The arXiv id loses
 * its version (`2202.12139v1` → `2202.12139`) and `url` is the version-less abstract page;
 * `published` is the first version's date. Throws `IngestError` when the file is not UTF-8,
 * not well-formed XML, or not an Atom `<feed>`. Pass `lines` to read decompressed text.
 */
export async function* parseArxivAtom(
  file: string,
  lines: AsyncIterable<NumberedLine> = readLines(file, {
    stage: STAGE,
    maxLineLength: MAX_FEED_LENGTH,
  }),
): AsyncGenerator<SourceItem> {
  const parts: string[] = [];
  for await (const { text } of lines) parts.push(text);
  const xml = parts.join('\n');

  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new IngestError(STAGE, file, valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  }
  let parsed: unknown;
  try {
    parsed = PARSER.parse(xml);
  } catch (error) {
    throw new IngestError(
      STAGE,
      file,
      undefined,
      `unreadable XML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const lineAt = lineFinder(xml);
  const roots = toElements(parsed, new Map([['xml', XML_NAMESPACE]]));
  const feed = roots[0];
  if (roots.length !== 1 || feed?.namespace !== ATOM || feed.name !== 'feed') {
    const found = feed ? `<${feed.name}>${feed.namespace ? ` in ${feed.namespace}` : ''}` : 'none';
    throw new IngestError(
      STAGE,
      file,
      lineAt(feed?.offset),
      `not an Atom feed: expected one root <feed> in ${ATOM}, found ${found}`,
    );
  }

  const entries = childrenNamed(feed, ATOM, 'entry');
  for (const [index, entry] of entries.entries()) {
    yield readEntry(entry, index + 1, file, lineAt(entry.offset) ?? index + 1);
  }
}
