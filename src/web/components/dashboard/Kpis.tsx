/** Headline figures at the top of a dashboard, each with what it means. */
export function Kpis({ items }: { items: { label: string; value: string; note?: string }[] }) {
  return (
    <dl className="kpis">
      {items.map((k) => (
        <div key={k.label} className="kpi">
          <dt>{k.label}</dt>
          <dd>
            <strong>{k.value}</strong>
            {k.note && <span className="muted small">{k.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
