/**
 * A topic as a small clickable chip, with its cluster colour as a dot when the topic is on
 * the map (a hollow dot when it is too rare to be drawn). Used for a paper's topics and a
 * topic's co-occurring topics.
 */

interface TopicChipProps {
  label: string;
  color?: string;
  /** A short count shown after the label (e.g. shared papers). */
  count?: number;
  onSelect: () => void;
}

export function TopicChip({ label, color, count, onSelect }: TopicChipProps) {
  const title =
    color === undefined
      ? `Show topic “${label}” (too rare to be on the map)`
      : `Show topic “${label}”`;
  return (
    <button type="button" className="chip" onClick={onSelect} title={title}>
      {color === undefined ? (
        <span className="chip__dot chip__dot--off-map" aria-hidden="true" />
      ) : (
        <span className="chip__dot" style={{ background: color }} aria-hidden="true" />
      )}
      <span className="chip__label">{label}</span>
      {count !== undefined && <span className="chip__count">{count}</span>}
    </button>
  );
}
