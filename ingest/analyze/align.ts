/**
 * Puts a new layout in the frame of the previous one: the similarity transform (shift,
 * rotation or reflection, uniform scale) that best maps the new positions of the topics both
 * maps share onto their old positions (Procrustes analysis, least squares). A VOS layout is only
 * defined up to such a transform; without this a rerun could turn the map upside down.
 */

/** `xs`, `ys` transformed; `anchors` are the old positions of some of the topics. */
export function alignOnto(
  xs: readonly number[],
  ys: readonly number[],
  anchors: readonly { i: number; x: number; y: number }[],
): [number[], number[]] {
  if (anchors.length < 2) return [[...xs], [...ys]];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const px = anchors.map(({ i }) => xs[i]!);
  const py = anchors.map(({ i }) => ys[i]!);
  const [pcx, pcy, qcx, qcy] = [
    mean(px),
    mean(py),
    mean(anchors.map((a) => a.x)),
    mean(anchors.map((a) => a.y)),
  ];
  // Cross-covariance of the centred point sets.
  let sxx = 0;
  let sxy = 0;
  let syx = 0;
  let syy = 0;
  let norm = 0;
  anchors.forEach((anchor, k) => {
    const [ax, ay] = [px[k]! - pcx, py[k]! - pcy];
    const [bx, by] = [anchor.x - qcx, anchor.y - qcy];
    sxx += ax * bx;
    sxy += ax * by;
    syx += ay * bx;
    syy += ay * by;
    norm += ax * ax + ay * ay;
  });
  if (norm === 0) return [[...xs], [...ys]];
  // Best rotation and best reflection; keep whichever fits better.
  const rotation = { a: sxx + syy, b: sxy - syx, flip: false };
  const reflection = { a: sxx - syy, b: sxy + syx, flip: true };
  const best =
    Math.hypot(rotation.a, rotation.b) >= Math.hypot(reflection.a, reflection.b)
      ? rotation
      : reflection;
  const length = Math.hypot(best.a, best.b);
  if (length === 0) return [[...xs], [...ys]];
  const [cos, sin] = [best.a / length, best.b / length];
  const scale = length / norm;
  const outX: number[] = [];
  const outY: number[] = [];
  xs.forEach((x, i) => {
    const dx = x - pcx;
    const dy = (best.flip ? -1 : 1) * (ys[i]! - pcy);
    outX.push(qcx + scale * (cos * dx - sin * dy));
    outY.push(qcy + scale * (sin * dx + cos * dy));
  });
  return [outX, outY];
}
