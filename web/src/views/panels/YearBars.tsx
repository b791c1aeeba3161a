/**
 * Papers per year as a small bar chart: one bar a year from the first to the last (years
 * without a paper show as gaps, so the time axis is honest), the tallest bar the most papers.
 * Each bar is labelled for screen readers and on hover; the first and last years are written
 * under the axis.
 */
import { plural } from '../../core/format/format.ts';

/** Beyond this many years the axis only has the years with papers. */
const MAX_SPAN = 60;

export function YearBars({ years }: { years: readonly { year: number; paperCount: number }[] }) {
  if (years.length === 0) return <p className="muted">None of its papers is dated.</p>;
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  const counts = new Map(years.map(({ year, paperCount }) => [year, paperCount]));
  const axis =
    last - first < MAX_SPAN
      ? Array.from({ length: last - first + 1 }, (_, i) => first + i)
      : years.map(({ year }) => year);
  const most = Math.max(...years.map(({ paperCount }) => paperCount));
  return (
    <figure className="year-bars" data-testid="year-bars">
      <ol className="year-bars__plot">
        {axis.map((year) => {
          const papers = counts.get(year) ?? 0;
          const text = `${year}: ${plural(papers, 'paper')}`;
          return (
            <li key={year} className="year-bars__year" title={text} aria-label={text}>
              <span
                className="year-bars__bar"
                style={{ height: `${papers === 0 ? 0 : Math.max(6, (100 * papers) / most)}%` }}
              />
            </li>
          );
        })}
      </ol>
      <figcaption className="year-bars__axis" aria-hidden="true">
        <span>{first}</span>
        {last !== first && <span>{last}</span>}
      </figcaption>
    </figure>
  );
}
