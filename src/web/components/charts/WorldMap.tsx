import * as Plot from '@observablehq/plot';
import { useEffect, useState } from 'react';
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

/** Countries shaded by a value (e.g. allocation), with the figure in each country's title. */
export function WorldMap({ label, values, legend, redrawKey }: { label: string; values: MapValue[]; legend: string; redrawKey: unknown }) {
  const [shapes, setShapes] = useState<Shapes | null>(null);
  useEffect(() => {
    loadShapes().then(setShapes, () => setShapes(null));
  }, []);
  if (!shapes || !('features' in shapes)) return <div className="chart map-placeholder" aria-hidden="true" />;
  const byId = new Map(values.filter((v) => v.numeric).map((v) => [Number(v.numeric), v]));
  const figureOf = (f: { id?: string | number }) => byId.get(Number(f.id));
  return (
    <Chart
      label={label}
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
  );
}
