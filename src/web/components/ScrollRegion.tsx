import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: it scrolls sideways inside this region rather than widening the page, and the
 * region takes the keyboard focus so that it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls is reached by keyboard to scroll it
    <section style={{ overflowX: 'auto', maxWidth: '100%' }} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
