/**
 * The search box (top left): autocomplete over topics, papers and repositories from
 * `/api/search`, grouped by kind, following the ARIA combobox pattern — ArrowUp/ArrowDown
 * move through the options, Enter chooses (the first one when none is active), Escape closes
 * the list and then clears the text. "/" anywhere focuses the box.
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import type { SearchHit } from '../../../server/api/types.ts';
import { formatDate } from '../core/format/format.ts';
import { groupSearchHits, hitAt, moveActive } from '../core/search/search-results.ts';
import {
  SEARCH_MAX_LENGTH,
  searchErrorMessage,
  searchQuery,
  useSearch,
} from '../core/search/use-search.ts';

const KIND_TAGS = { topic: 'Topic', paper: 'Paper', repository: 'Repo' } as const;

interface SearchBoxProps {
  onChoose: (hit: SearchHit) => void;
}

export function SearchBox({ onChoose }: SearchBoxProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const search = useSearch(text);
  const groups = useMemo(
    () => groupSearchHits(search.hits, undefined, search.query),
    [search.hits, search.query],
  );
  const count = groups.reduce((total, group) => total + group.hits.length, 0);
  const query = searchQuery(text);
  const current = search.query === query && !search.loading;
  // Whitespace is not a search: nothing is shown for it.
  const showList = open && query !== '';
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const choose = (hit: SearchHit) => {
    setText('');
    setOpen(false);
    setActive(-1);
    inputRef.current?.blur();
    onChoose(hit);
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive(moveActive(active, event.key === 'ArrowDown' ? 1 : -1, count));
        break;
      case 'Enter': {
        if (!current && active < 0) break;
        const hit = hitAt(groups, active < 0 ? 0 : active);
        if (hit !== undefined) {
          event.preventDefault();
          choose(hit);
        }
        break;
      }
      case 'Escape':
        event.preventDefault();
        if (showList) setOpen(false);
        else setText('');
        setActive(-1);
        break;
    }
  };

  return (
    <div className="search">
      <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        className="search__input"
        type="search"
        placeholder="Search topics, papers, repositories"
        aria-label="Search topics, papers and repositories"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        // Busy from the keystroke until the results for what is typed are shown.
        aria-busy={!current}
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_MAX_LENGTH}
        value={text}
        onChange={(event) => {
          setText(event.target.value.slice(0, SEARCH_MAX_LENGTH));
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {!showList && text === '' && (
        <kbd className="search__hint" aria-hidden="true">
          /
        </kbd>
      )}
      <div className="search__popup" hidden={!showList}>
        <ul id={listId} role="listbox" aria-label="Search results" className="search__list">
          {groups.map((group) => (
            <li key={group.key} role="presentation">
              <div className="search__group" role="presentation" aria-hidden="true">
                {group.title}
              </div>
              <ul role="group" aria-label={group.title}>
                {group.hits.map(({ hit, index }) => (
                  <li
                    key={`${hit.kind}:${hit.id}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    className="search__option"
                    data-kind={hit.kind}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => choose(hit)}
                  >
                    <span className={`tag tag--${hit.kind}`}>{KIND_TAGS[hit.kind]}</span>
                    <span className="search__label">{hit.label}</span>
                    {hit.detail && (
                      <span className="search__detail">
                        {hit.kind === 'paper' ? formatDate(hit.detail) : hit.detail}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <SearchStatus
          query={query}
          loading={search.loading || !current}
          count={count}
          error={search.error === null ? null : searchErrorMessage(search.error)}
        />
      </div>
    </div>
  );
}

function SearchStatus(props: {
  query: string;
  loading: boolean;
  count: number;
  error: string | null;
}) {
  let message: string | null = null;
  if (props.error !== null) message = props.error;
  else if (props.loading && props.count === 0) message = 'Searching…';
  else if (!props.loading && props.count === 0 && props.query !== '') {
    message = `Nothing found for “${props.query}”.`;
  }
  if (message === null) return null;
  return (
    <p
      className={props.error !== null ? 'search__status error-text' : 'search__status'}
      role="status"
    >
      {message}
    </p>
  );
}
