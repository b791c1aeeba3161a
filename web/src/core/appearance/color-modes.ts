/**
 * What the map's topics can be coloured by: their cluster (categorical, see palette.ts), the
 * mean publication year of their papers, or the share of their papers with released code
 * (both continuous, on viridis: perceptually uniform, readable by colour-blind people, dark
 * for old or little code, yellow for recent or much). Values come from the store's overlays
 * (`/api/topic-map`); a topic without one (no dated paper) is drawn in a neutral grey.
 */
import { interpolateViridis } from 'd3-scale-chromatic';

export type ColorMode = 'cluster' | 'year' | 'code';

export interface ColorModeInfo {
  mode: ColorMode;
  /** The switch's label and hint. */
  label: string;
  title: string;
  /** The legend's heading (on screen and in an exported image). */
  legend: string;
  /** What a topic without a value means, when it can have none. */
  noValue?: string;
}

export const COLOR_MODES: readonly ColorModeInfo[] = [
  { mode: 'cluster', label: 'Cluster', title: 'Colour topics by cluster', legend: 'Clusters' },
  {
    mode: 'year',
    label: 'Year',
    title: 'Colour topics by the mean publication year of their papers',
    legend: 'Mean publication year',
    noValue: 'no dated paper',
  },
  {
    mode: 'code',
    label: 'Code',
    title: 'Colour topics by the share of their papers with released code',
    legend: 'Papers with code',
  },
];

export function colorModeInfo(mode: ColorMode): ColorModeInfo {
  return COLOR_MODES.find((entry) => entry.mode === mode) ?? COLOR_MODES[0]!;
}

/** Topics with no value for the mode (no dated paper). */
export const NO_VALUE_COLOR = '#c3c8d0';

/** A continuous colour scale over the topics on the map, with what its legend shows. */
export interface ContinuousScale {
  min: number;
  max: number;
  colorOf(value: number | undefined): string;
  /** A value as the legend writes it. */
  format(value: number): string;
  /** CSS colours along the scale, for the legend's gradient. */
  stops: string[];
}

/**
 * Mean publication year, from the earliest to the latest mean on the map (whole years); one
 * year only: every dated topic in the scale's middle colour.
 */
export function yearScale(values: Iterable<number | undefined>): ContinuousScale | null {
  const years = [...values].filter((value): value is number => value !== undefined);
  if (years.length === 0) return null;
  const min = Math.floor(Math.min(...years));
  const max = Math.ceil(Math.max(...years));
  return continuous(min, max, (value) => String(Math.round(value)));
}

/**
 * Share of papers with released code, from 0 to the share `CODE_SCALE_QUANTILE` of the topics
 * on the map stay under (rounded up to a tenth, at least 10%); the few above take the top
 * colour, and the legend says "≥". Up to the highest share, the samples' scale ran to 100%
 * for topics of two papers, one or both with code, and the topics of five papers or more
 * (at most 60%) all looked alike; now it runs to 50%.
 */
export function codeScale(values: Iterable<number | undefined>): ContinuousScale {
  const shares = [...values]
    .filter((value): value is number => value !== undefined)
    .sort((a, b) => a - b);
  const top = shares[Math.ceil(CODE_SCALE_QUANTILE * (shares.length - 1))] ?? 0;
  const max = Math.max(0.1, Math.ceil(top * 10) / 10);
  const above = shares.some((share) => share > max);
  return continuous(0, max, (value) =>
    above && value >= max ? `≥${Math.round(value * 100)}%` : `${Math.round(value * 100)}%`,
  );
}

/** The share of topics under the top of the code scale. */
export const CODE_SCALE_QUANTILE = 0.95;

function continuous(min: number, max: number, format: (value: number) => string): ContinuousScale {
  const position = (value: number) => (max > min ? (value - min) / (max - min) : 0.5);
  return {
    min,
    max,
    format,
    colorOf: (value) =>
      value === undefined
        ? NO_VALUE_COLOR
        : interpolateViridis(Math.min(1, Math.max(0, position(value)))),
    stops: [0, 0.25, 0.5, 0.75, 1].map((t) => interpolateViridis(t)),
  };
}

/** The colour mode written in a URL's query (`?color=year`); anything else is `cluster`. */
export function parseColorMode(search: string): ColorMode {
  const value = new URLSearchParams(search).get('color');
  return COLOR_MODES.find((entry) => entry.mode === value)?.mode ?? 'cluster';
}

/** `search` with the colour mode set (the default, `cluster`, is left out of the URL). */
export function formatColorMode(search: string, mode: ColorMode): string {
  const params = new URLSearchParams(search);
  if (mode === 'cluster') params.delete('color');
  else params.set('color', mode);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
