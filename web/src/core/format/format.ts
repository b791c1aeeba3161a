/**
 * Small display formatters shared by the panels: counts with their noun, and ISO dates in
 * the reader's locale. Pure and locale-explicit so they are testable.
 */

/** "1 paper", "12 papers"; thousands separated. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** The year of an ISO date (`2024-04-26`, `2024-04`, `2024`), or null. */
export function yearOf(iso: string | undefined): string | null {
  const match = iso === undefined ? null : /^(\d{4})/.exec(iso);
  return match === null ? null : (match[1] ?? null);
}

/** `2024-04-26` → "26 Apr 2024"; partial dates (`2024`, `2024-04`) as far as they go. */
export function formatDate(iso: string | undefined, locale = 'en-GB'): string | null {
  if (!iso) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (match === null) return iso;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: month === undefined ? undefined : 'short',
    day: day === undefined ? undefined : 'numeric',
  });
}

/** How many shared topics and words a related paper's line gives in all. */
const REASONS_SHOWN = 4;

/**
 * Why a paper is related, in a line: the topics the two share, most specific first; when
 * fewer than two topics explain it, the words of their texts that weigh most in their
 * similarity too (those no topic shown already names).
 */
export function relatedReason(other: {
  shared: readonly { label: string }[];
  phrases: readonly string[];
}): string | undefined {
  const labels = other.shared.slice(0, REASONS_SHOWN).map((topic) => topic.label);
  const named = labels.join(' ').toLowerCase();
  const words =
    labels.length >= 2
      ? []
      : other.phrases
          .filter((phrase) => !named.includes(phrase.toLowerCase()))
          .slice(0, REASONS_SHOWN - labels.length);
  const parts = [
    ...(labels.length > 0 ? [`shares: ${labels.join(', ')}`] : []),
    ...(words.length > 0 ? [`same words: ${words.join(', ')}`] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
