/**
 * Reads saved Hugging Face paper-listing pages (the text a browser gives when you save or copy
 * https://huggingface.co/papers search results): for each paper a title line, its abstract
 * paragraph and, in some saves, metadata lines — `• 5 authors` or an organisation line
 * (`nics-efc Tsinghua-NICS-EFC`), a `·` separator, and a date with an optional upvote count
 * (`Nov 11, 2025 5`). Page chrome (`Subscribe`, `Daily Papers`, date headers like `Jun 6`) is
 * skipped, including a `Subscribe` glued to the first title.
 */
import { IngestError } from '../errors.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import type { NumberedLine } from '../read-lines.ts';

const STAGE = 'hf-listing';

const CHROME = new Set([
  'new',
  'subscribe',
  'daily papers',
  'byak and the research community',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox once a day!',
]);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})[a-z]*`;
/** A listing's day header: `Jun 6`, no year. */
const DAY_HEADER = new RegExp(`^${MONTH} \\d{1,2}$`);
/** A paper's date, optionally followed by its upvotes: `Jun 12, 2025 2`. */
const PAPER_DATE = new RegExp(`^${MONTH} (\\d{1,2}), (\\d{4})(?:\\s+(\\d+))?$`);
const AUTHORS = /^•\s*(\d+)\s+authors?$/;
const SEPARATOR = '·';
/** The chrome word a page save glues to the first title: `SubscribeTowards Deconfounded …`. */
const GLUED_SUBSCRIBE = /^Subscribe(?=\p{Lu}|\d)/u;

/** An abstract is prose; a title is not. Titles in these listings stay under this length. */
const MIN_ABSTRACT_LENGTH = 200;

function isChrome(text: string): boolean {
  return CHROME.has(text.toLowerCase()) || DAY_HEADER.test(text);
}

function isoDate(month: string, day: string, year: string): string {
  const monthIndex = MONTHS.findIndex((name) => month.startsWith(name)) + 1;
  return `${year}-${String(monthIndex).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** `nics-efc Tsinghua-NICS-EFC` → `Tsinghua-NICS-EFC`: the handle first, then the name. */
function organizationName(text: string): string {
  const space = text.indexOf(' ');
  return space === -1 ? text : text.slice(space + 1).trim();
}

/**
 * Turns the numbered lines of one listing file into paper records, in file order.
 * A title without an abstract, or metadata outside a paper, is yielded as an `IngestError`
 * with its line and skipped; the file goes on. Throws only when the file cannot be read.
 */
export async function* parseHfListing(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<SourceItem> {
  let paper: PaperRecord | undefined;
  /** A line after an abstract: an organisation if a `·` follows, else the next title. */
  let held: NumberedLine | undefined;

  const problem = (line: number, reason: string) => new IngestError(STAGE, file, line, reason);
  /** The paper read so far, complete, or the problem that it has no abstract. */
  const finish = (): SourceItem | undefined => {
    const done = paper;
    paper = undefined;
    if (done && !done.abstract) {
      return problem(done.source.line, `no abstract after title "${done.title}"`);
    }
    return done;
  };
  const startPaper = ({ line, text }: NumberedLine): void => {
    paper = { title: text, source: { file, line } };
  };

  for await (const current of lines) {
    const text = current.text.trim().replace(GLUED_SUBSCRIBE, '');
    if (text === '' || isChrome(text)) continue;

    if (text === SEPARATOR) {
      if (paper?.abstract) {
        if (held) paper.organization = organizationName(held.text);
      } else {
        yield problem(current.line, 'metadata separator "·" outside a paper');
      }
      held = undefined;
      continue;
    }
    if (held) {
      // The held line was not followed by `·`: it is the next paper's title.
      const done = finish();
      if (done) yield done;
      startPaper(held);
      held = undefined;
    }

    const authors = AUTHORS.exec(text);
    const date = PAPER_DATE.exec(text);
    if (authors || date) {
      if (!paper?.abstract) {
        yield problem(current.line, `metadata "${text}" outside a paper`);
        continue;
      }
      if (authors) paper.authorsCount = Number(authors[1]);
      if (date) {
        paper.published = isoDate(date[1]!, date[2]!, date[3]!);
        if (date[4] !== undefined) paper.upvotes = Number(date[4]);
      }
      continue;
    }

    if (!paper) {
      startPaper({ line: current.line, text });
    } else if (!paper.abstract) {
      if (text.length < MIN_ABSTRACT_LENGTH && !/[.!?]$/.test(text)) {
        // Not prose: the previous title had no abstract, and this line is the next title.
        const done = finish();
        if (done) yield done;
        startPaper({ line: current.line, text });
      } else {
        paper.abstract = text;
      }
    } else {
      held = { line: current.line, text };
    }
  }

  if (held) {
    const done = finish();
    if (done) yield done;
    startPaper(held);
  }
  const last = finish();
  if (last) yield last;
}
