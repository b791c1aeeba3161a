/**
 * Canvas label drawing for the topic map. sigma's defaults draw bare text, which gets lost
 * over edges; these draw each label with a white halo, and hovered / selected topics in a
 * rounded white card with a soft shadow, in the app's system font.
 */
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { MapEdgeAttributes, MapNodeAttributes } from './map-graph.ts';

type DrawLabel = NodeLabelDrawingFunction<MapNodeAttributes, MapEdgeAttributes>;
type DrawSettings = Parameters<DrawLabel>[2];

function setFont(context: CanvasRenderingContext2D, settings: DrawSettings, weight: string) {
  context.font = `${weight} ${settings.labelSize}px ${settings.labelFont}`;
}

function labelColor(settings: DrawSettings): string {
  return settings.labelColor.color ?? '#000';
}

/** A label to the right of the node, on a white halo. */
export const drawTopicLabel: DrawLabel = (context, data, settings) => {
  if (!data.label) return;
  setFont(context, settings, settings.labelWeight);
  const x = data.x + data.size + 4;
  const y = data.y + settings.labelSize / 3;
  context.lineJoin = 'round';
  context.lineWidth = 4;
  context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
  context.strokeText(data.label, x, y);
  context.fillStyle = labelColor(settings);
  context.fillText(data.label, x, y);
};

/** The hovered or highlighted topic: a ring around the node and its label in a white card. */
export const drawTopicHover: DrawLabel = (context, data, settings) => {
  const size = settings.labelSize;
  setFont(context, settings, '600');
  const label = typeof data.label === 'string' ? data.label : '';
  const padding = 5;
  const textWidth = label === '' ? 0 : context.measureText(label).width;
  const boxHeight = size + 2 * padding;
  const left = data.x - data.size - padding;
  const top = data.y - Math.max(data.size + padding, boxHeight / 2);
  const height = Math.max(2 * (data.size + padding), boxHeight);
  const width = 2 * (data.size + padding) + (label === '' ? 0 : textWidth + padding);

  context.save();
  context.shadowColor = 'rgba(16, 24, 40, 0.22)';
  context.shadowBlur = 10;
  context.shadowOffsetY = 2;
  context.fillStyle = '#ffffff';
  context.beginPath();
  context.roundRect(left, top, width, height, height / 2);
  context.fill();
  context.restore();

  context.beginPath();
  context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  context.lineWidth = 2;
  context.strokeStyle = data.color;
  context.stroke();

  if (label !== '') {
    context.fillStyle = labelColor(settings);
    context.fillText(label, data.x + data.size + padding + 2, data.y + size / 3);
  }
};
