import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways within this region; the region takes the keyboard focus so
 * that it can be scrolled without a mouse (WCAG 2.1.1, axe's scrollable-region-focusable), and is named.
 */
export function ScrollRegion({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must be reachable by keyboard (see above)
    <section className="table-scroll" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
