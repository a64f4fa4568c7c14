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
  focusable = false,
}: {
  label: string;
  description?: string;
  /** In the tab order (a chart that answers keys of its own, as the map does). */
  focusable?: boolean;
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
    // The chart is one image: Plot's labels on its marks ("bar", "tip", axis ticks) are on elements without a
    // role, where ARIA forbids them, and say nothing a reader needs (the table beside the chart does).
    for (const inner of node.querySelectorAll('[aria-label], [aria-description]')) {
      inner.removeAttribute('aria-label');
      inner.removeAttribute('aria-description');
    }
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', label);
    if (description) node.setAttribute('aria-description', description);
    if (focusable) node.setAttribute('tabindex', '0');
    el.replaceChildren(node);
    return () => node.remove();
  }, [redrawKey, label, focusable]);
  return <div ref={ref} className="chart" />;
}
