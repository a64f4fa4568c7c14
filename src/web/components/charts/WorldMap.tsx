import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { Chart } from './Chart.tsx';

type Shapes = ReturnType<typeof feature>;
let atlas: Promise<Shapes> | null = null;
/** Natural Earth 1:50m country shapes (world-atlas, ISC), fetched once when a map is first shown. */
const loadShapes = () => {
  atlas ??= fetch(atlasUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((t) => feature(t, t.objects.countries));
  return atlas;
};

export interface MapValue {
  numeric: string | null;
  name: string;
  value: number;
  text: string;
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Countries shaded by a value (e.g. allocation), with the figure in each country's title. The map is in the
 * tab order: the arrow keys go from country to country (in the order of `values`, as the table beside it),
 * Home and End to the first and last, Escape lets go; the country is outlined and named under the map.
 */
export function WorldMap({ label, values, legend, redrawKey }: { label: string; values: MapValue[]; legend: string; redrawKey: unknown }) {
  const { t } = useTranslation();
  const [shapes, setShapes] = useState<Shapes | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    loadShapes().then(setShapes, () => setShapes(null));
  }, []);
  const mapped = values.filter((v) => v.numeric);
  const current = at === null ? undefined : mapped[at];

  // biome-ignore lint/correctness/useExhaustiveDependencies: new figures, a new walk
  useEffect(() => setAt(null), [redrawKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the box is there once the shapes are
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      const n = mapped.length;
      const step = STEPS[e.key];
      let next: number | null;
      if (e.key === 'Escape') next = null;
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = n - 1;
      else if (step) next = at === null ? (step > 0 ? 0 : n - 1) : (at + step + n) % n;
      else return;
      e.preventDefault();
      setAt(n > 0 ? next : null);
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [at, mapped.length, shapes]);

  // The country walked to is outlined: its shape is found by its title, marked, and drawn last (on top).
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn on the same keys as the chart
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    for (const p of el.querySelectorAll('path.current')) p.classList.remove('current');
    if (!current) return;
    const title = `${current.name}: ${current.text}`;
    const path = [...el.querySelectorAll('path')].find((p) => p.querySelector('title')?.textContent === title);
    if (!path) return;
    path.classList.add('current');
    path.parentNode?.appendChild(path);
  }, [current, shapes, redrawKey, label]);

  if (!shapes || !('features' in shapes)) return <div className="chart map-placeholder" aria-hidden="true" />;
  const byId = new Map(mapped.map((v) => [Number(v.numeric), v]));
  const figureOf = (f: { id?: string | number }) => byId.get(Number(f.id));
  return (
    <div className="map" ref={box}>
      <Chart
        label={label}
        description={t('dash.mapKeys')}
        focusable={mapped.length > 0}
        redrawKey={shapes && redrawKey}
        draw={(width) =>
          Plot.plot({
            width,
            height: Math.round(width * 0.5),
            projection: { type: 'equal-earth', domain: { type: 'Sphere' } as never },
            color: { type: 'sqrt', scheme: 'blues', legend: true, label: legend, tickFormat: '~s' },
            marks: [
              Plot.sphere({ fill: '#f4f7fb', stroke: '#c9d3df' }),
              Plot.geo(
                shapes.features.filter((f) => !figureOf(f)),
                { fill: '#e3e8ee', stroke: '#fff', strokeWidth: 0.4 },
              ),
              Plot.geo(
                shapes.features.filter((f) => figureOf(f)),
                {
                  fill: (f) => figureOf(f)?.value,
                  stroke: '#fff',
                  strokeWidth: 0.4,
                  title: (f) => {
                    const v = figureOf(f);
                    return v ? `${v.name}: ${v.text}` : '';
                  },
                },
              ),
            ],
          })
        }
      />
      {mapped.length > 0 && (
        <p className="map-caption muted small" aria-live="polite">
          {current && at !== null ? t('dash.mapAt', { n: at + 1, count: mapped.length, name: current.name, text: current.text }) : t('dash.mapKeys')}
        </p>
      )}
    </div>
  );
}
