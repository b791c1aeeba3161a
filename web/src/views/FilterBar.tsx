/**
 * The map's filters, under the search box: at least N papers per topic (topic map only), a
 * range of publication years (a topic's mean year, a paper's own), topics or papers with code
 * only; the clusters are switched on and off in the legend. Folded by default behind a button
 * that says how many are on; every change goes to the URL (see use-query-state.ts), and the
 * stats line above counts what is left on the map.
 */
import { useId, useState } from 'react';
import { filtersActive, NO_FILTERS, type MapFilters } from '../core/map/map-filters.ts';

interface FilterBarProps {
  view: 'topics' | 'papers';
  filters: MapFilters;
  onChange: (filters: MapFilters) => void;
}

export function FilterBar({ view, filters, onChange }: FilterBarProps) {
  const topics = view === 'topics';
  const yearName = topics ? 'Mean year' : 'Year';
  const [open, setOpen] = useState(filtersActive(filters));
  const id = useId();
  const active = [
    filters.minPapers > 1,
    filters.yearFrom !== null || filters.yearTo !== null,
    filters.withCode,
    filters.hiddenClusters.length > 0,
  ].filter(Boolean).length;

  return (
    <div className="filters">
      <div className="filters__bar">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide filters' : 'Filters'}
          {active > 0 && <span className="filters__count"> · {active} on</span>}
        </button>
        {active > 0 && (
          <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
            Clear
          </button>
        )}
      </div>
      {open && (
        <div id={`${id}-panel`} className="filters__panel">
          {topics && (
            <label className="filters__row">
              At least
              <input
                type="number"
                min={1}
                max={100000}
                className="filters__number"
                value={filters.minPapers}
                onChange={(event) => {
                  const value = Number.parseInt(event.target.value, 10);
                  onChange({
                    ...filters,
                    minPapers: Number.isInteger(value) && value >= 1 ? value : 1,
                  });
                }}
              />
              {filters.minPapers === 1 ? 'paper' : 'papers'} per topic
            </label>
          )}
          <div
            className="filters__row"
            role="group"
            aria-label={topics ? 'Mean publication year' : 'Publication year'}
          >
            {yearName}
            <YearInput
              name={yearName}
              label="from"
              value={filters.yearFrom}
              onCommit={(yearFrom) => onChange({ ...filters, yearFrom })}
            />
            to
            <YearInput
              name={yearName}
              label="to"
              value={filters.yearTo}
              onCommit={(yearTo) => onChange({ ...filters, yearTo })}
            />
          </div>
          <label className="filters__row">
            <input
              type="checkbox"
              checked={filters.withCode}
              onChange={(event) => onChange({ ...filters, withCode: event.target.checked })}
            />
            {topics ? 'Only topics with code or data' : 'Only papers with code'}
          </label>
        </div>
      )}
    </div>
  );
}

/** A year field that commits a whole year (or nothing), not each keystroke of one. */
function YearInput(props: {
  name: string;
  label: string;
  value: number | null;
  onCommit: (year: number | null) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (props.value === null ? '' : String(props.value));
  const commit = (text: string) => {
    setDraft(null);
    const year = /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
    if (year !== props.value) props.onCommit(year);
  };
  return (
    <input
      type="text"
      inputMode="numeric"
      maxLength={4}
      placeholder="year"
      aria-label={`${props.name} ${props.label}`}
      className="filters__number filters__year"
      value={shown}
      onChange={(event) => {
        const text = event.target.value;
        if (text.length === 4 || text === '') commit(text);
        else setDraft(text);
      }}
      onBlur={(event) => commit(event.target.value)}
    />
  );
}
