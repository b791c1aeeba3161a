/**
 * The current view as a PNG at twice the on-screen size in each direction (four times the
 * pixels, for slides and print): the map cropped to what is drawn in view (nodes, labels and
 * cluster names, with a margin — the room the toolbar and panels took on screen is not kept),
 * the cluster names written in, and the legend in a band of its own to the right, so it never
 * covers the map. Rendered by @sigma/export-image on a second, off-screen renderer at the
 * current camera; labels and nodes are drawn twice as large to match.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { ContinuousScale } from '../appearance/color-modes.ts';
import { cropBox, MARGIN, type ScreenBox } from './crop.ts';

export type { ScreenBox } from './crop.ts';

const IMAGE_SCALE = 2;

export type ImageLegend =
  | { title: string; entries: { color: string; label: string }[] }
  | { title: string; scale: ContinuousScale; noValue?: string; noValueColor?: string };

/** Text drawn over the map, in on-screen pixels: a cluster name at its centre. */
export interface ImageOverlay {
  text: string;
  x: number;
  y: number;
  color: string;
}

const MAX_ENTRIES = 16;
/** The legend band's width, and its margin, in on-screen pixels. */
const BAND = 360;

export async function mapImage(
  // Any graph's renderer: @sigma/export-image only reads the settings and the camera.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sigma: Sigma<any, any>,
  legend: ImageLegend,
  background: string,
  drawn: { boxes: ScreenBox[]; overlays: ImageOverlay[] },
): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const map = await drawOnCanvas(sigma as Sigma, {
    width: width * IMAGE_SCALE,
    height: height * IMAGE_SCALE,
    backgroundColor: background,
    sigmaSettings: {
      labelSize: settings.labelSize * IMAGE_SCALE,
      labelGridCellSize: settings.labelGridCellSize * IMAGE_SCALE,
      labelRenderedSizeThreshold: settings.labelRenderedSizeThreshold * IMAGE_SCALE,
      zoomToSizeRatioFunction: (ratio: number) =>
        settings.zoomToSizeRatioFunction(ratio) / IMAGE_SCALE,
    },
  });
  drawOverlays(map, drawn.overlays);
  const crop = cropBox(drawn.boxes, width, height);
  const unit = IMAGE_SCALE;
  const canvas = document.createElement('canvas');
  const mapWidth = (crop.right - crop.left) * unit;
  const mapHeight = (crop.bottom - crop.top) * unit;
  canvas.width = Math.round(mapWidth + BAND * unit);
  canvas.height = Math.round(Math.max(mapHeight, legendHeight(legend) * unit + 2 * MARGIN * unit));
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('export: no 2D canvas');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(
    map,
    crop.left * unit,
    crop.top * unit,
    mapWidth,
    mapHeight,
    0,
    (canvas.height - mapHeight) / 2,
    mapWidth,
    mapHeight,
  );
  drawLegend(ctx, legend, mapWidth + (MARGIN / 2) * unit, MARGIN * unit, unit);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png'),
  );
}

/** Cluster names, as on screen: bold capitals on a white halo. */
function drawOverlays(canvas: HTMLCanvasElement, overlays: readonly ImageOverlay[]): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.font = `700 ${12 * IMAGE_SCALE}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const { text, x, y, color } of overlays) {
    const label = text.toUpperCase();
    ctx.filter = 'none';
    ctx.lineWidth = 4 * IMAGE_SCALE;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.strokeText(label, x * IMAGE_SCALE, y * IMAGE_SCALE);
    // As on screen (styles.css): the cluster's colour, darkened.
    ctx.filter = 'brightness(0.65)';
    ctx.fillStyle = color;
    ctx.fillText(label, x * IMAGE_SCALE, y * IMAGE_SCALE);
  }
  ctx.filter = 'none';
  ctx.textAlign = 'left';
}

const PAD = 14;
const LINE = 20;

function legendRows(legend: ImageLegend): number {
  return 'entries' in legend
    ? Math.min(legend.entries.length, MAX_ENTRIES)
    : 2 + (legend.noValue ? 1 : 0);
}

/** The legend's height in on-screen pixels. */
function legendHeight(legend: ImageLegend): number {
  return PAD * 2 + LINE * (legendRows(legend) + 1);
}

/** The legend in a white box at (x, y) of the image, `unit` image pixels to a screen pixel. */
function drawLegend(
  ctx: CanvasRenderingContext2D,
  legend: ImageLegend,
  x: number,
  y: number,
  unit: number,
): void {
  const font = (size: number, weight = 400) => `${weight} ${size * unit}px system-ui, sans-serif`;
  const pad = PAD * unit;
  const line = LINE * unit;
  const entries = 'entries' in legend ? legend.entries.slice(0, MAX_ENTRIES) : [];
  const boxWidth = (BAND - MARGIN) * unit;
  const boxHeight = legendHeight(legend) * unit;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.strokeStyle = '#e3e6ec';
  ctx.lineWidth = unit;
  ctx.beginPath();
  ctx.roundRect(x, y, boxWidth, boxHeight, 10 * unit);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#586274';
  ctx.font = font(12, 600);
  ctx.textBaseline = 'middle';
  ctx.fillText(legend.title.toUpperCase(), x + pad, y + pad + line / 2, boxWidth - 2 * pad);
  let rowY = y + pad + line * 1.5;
  ctx.font = font(13);
  if ('entries' in legend) {
    for (const entry of entries) {
      ctx.fillStyle = entry.color;
      ctx.beginPath();
      ctx.arc(x + pad + 5 * unit, rowY, 5 * unit, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = '#1c2230';
      ctx.fillText(
        fit(ctx, entry.label, boxWidth - 2 * pad - 18 * unit),
        x + pad + 18 * unit,
        rowY,
      );
      rowY += line;
    }
    return;
  }
  const { scale } = legend;
  const gradient = ctx.createLinearGradient(x + pad, 0, x + boxWidth - pad, 0);
  scale.stops.forEach((stop, i) => gradient.addColorStop(i / (scale.stops.length - 1), stop));
  ctx.fillStyle = gradient;
  ctx.fillRect(x + pad, rowY - 5 * unit, boxWidth - 2 * pad, 10 * unit);
  rowY += line;
  ctx.fillStyle = '#586274';
  ctx.textAlign = 'left';
  ctx.fillText(scale.format(scale.min), x + pad, rowY);
  ctx.textAlign = 'right';
  ctx.fillText(scale.format(scale.max), x + boxWidth - pad, rowY);
  ctx.textAlign = 'left';
  if (legend.noValue) {
    rowY += line;
    ctx.fillStyle = legend.noValueColor ?? '#c3c8d0';
    ctx.beginPath();
    ctx.arc(x + pad + 5 * unit, rowY, 5 * unit, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#586274';
    ctx.fillText(legend.noValue, x + pad + 18 * unit, rowY);
  }
}

/** `text`, cut with an ellipsis to fit `width` in the context's font. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}
