import { useEffect, useRef } from 'react';

/**
 * One chart drawn by Observable Plot into an SVG, redrawn when its data change. The chart is a picture of
 * a table shown beside it (screen readers read the table; the SVG carries a label and description).
 */
export function Chart({
  label,
  description,
  draw,
  redrawKey,
}: {
  label: string;
  description?: string;
  draw: (width: number) => SVGSVGElement | HTMLElement;
  /** The data the drawing shows: it is redrawn when this changes (or the label, i.e. the language). */
  redrawKey: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: draw and description follow from redrawKey and label
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const node = draw(Math.max(320, el.clientWidth));
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', label);
    if (description) node.setAttribute('aria-description', description);
    el.replaceChildren(node);
    return () => node.remove();
  }, [redrawKey, label]);
  return <div ref={ref} className="chart" />;
}
