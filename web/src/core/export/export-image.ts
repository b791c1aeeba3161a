/**
 * The map as a PNG, twice the on-screen size in each direction (so four times the pixels, for
 * slides and print), with its legend drawn in: the cluster colours and names, or the colour
 * scale with its ends. Rendered by @sigma/export-image on a second, off-screen renderer at the
 * current camera; labels and nodes are drawn twice as large to match.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { ContinuousScale } from '../appearance/color-modes.ts';

const IMAGE_SCALE = 2;

export type ImageLegend =
  | { title: string; entries: { color: string; label: string }[] }
  | { title: string; scale: ContinuousScale; noValue?: string; noValueColor?: string };

const MAX_ENTRIES = 16;

export async function mapImage(
  // Any graph's renderer: @sigma/export-image only reads the settings and the camera.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sigma: Sigma<any, any>,
  legend: ImageLegend,
  background: string,
): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const canvas = await drawOnCanvas(sigma as Sigma, {
    width: width * IMAGE_SCALE,
    height: height * IMAGE_SCALE,
    backgroundColor: background,
    sigmaSettings: {
      labelSize: settings.labelSize * IMAGE_SCALE,
      // The same labels as on screen: a grid of cells as large, relative to the map.
      labelGridCellSize: settings.labelGridCellSize * IMAGE_SCALE,
      labelRenderedSizeThreshold: settings.labelRenderedSizeThreshold * IMAGE_SCALE,
      zoomToSizeRatioFunction: (ratio: number) =>
        settings.zoomToSizeRatioFunction(ratio) / IMAGE_SCALE,
    },
  });
  drawLegend(canvas, legend);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png'),
  );
}

/** The legend in a white box at the bottom left, in the canvas's own pixels. */
function drawLegend(canvas: HTMLCanvasElement, legend: ImageLegend): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const unit = (canvas.width / 1400) * 1.2; // ~1 CSS px on a 1400 px wide map, scaled
  const font = (size: number, weight = 400) => `${weight} ${size * unit}px system-ui, sans-serif`;
  const pad = 14 * unit;
  const line = 20 * unit;
  const entries = 'entries' in legend ? legend.entries.slice(0, MAX_ENTRIES) : [];
  const rows = 'entries' in legend ? entries.length : 2 + (legend.noValue ? 1 : 0);
  const boxWidth = 380 * unit;
  const boxHeight = pad * 2 + line * (rows + 1);
  const x = 16 * unit;
  const y = canvas.height - boxHeight - 16 * unit;
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
