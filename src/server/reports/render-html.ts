import type { Block, ReportDoc } from './report-model.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Print-ready A4 styling: the same page the PDF is printed from. */
const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 190mm; margin: 1.5em auto; line-height: 1.35; }
header.title-block { display: grid; grid-template-columns: 1fr auto; border-bottom: 2px solid #1e2d5a; padding-bottom: .6em; margin-bottom: 1.2em; }
header .body { font-size: 15pt; font-weight: 700; color: #1e2d5a; }
header .symbol { font-weight: 700; text-align: right; }
header .meta { grid-column: 1 / -1; color: #333; }
h1 { font-size: 15pt; color: #1e2d5a; } h2 { font-size: 12.5pt; color: #1e2d5a; margin-top: 1.4em; } h3 { font-size: 11pt; }
p.note { font-size: 9pt; color: #444; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; page-break-inside: auto; }
caption { text-align: left; font-weight: 700; padding-bottom: .3em; }
th, td { border: 1px solid #777; padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: #e6e9f2; }
tr { page-break-inside: avoid; }
td.group { background: #f3f4f8; font-weight: 700; }
.as-at { color: #333; font-style: italic; }
@media print { body { max-width: none; margin: 0; padding: 0 2px; } }
h2, h3, caption { break-after: avoid; }
`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.note ? ' class="note"' : ''}>${esc(b.text)}</p>`;
    case 'bullets':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'table': {
      // a key–value table (every heading blank) has no heading row
      const head = b.columns.some(Boolean) ? `<thead><tr>${b.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>` : '';
      const rows = b.rows
        .map((r) =>
          'group' in r ? `<tr><td class="group" colspan="${b.columns.length}">${esc(r.group)}</td></tr>` : `<tr>${r.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`,
        )
        .join('');
      const cols = b.widths ? `<colgroup>${b.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
      return `<table>${b.caption ? `<caption>${esc(b.caption)}</caption>` : ''}${cols}${head}<tbody>${rows}</tbody></table>`;
    }
  }
}

/** A report as one self-contained HTML page (no scripts, no external resources). */
export function renderHtml(doc: ReportDoc): string {
  const t = doc.titleBlock;
  const meta = [t.session, t.section, t.date].filter(Boolean).map((m) => esc(m as string));
  return `<!doctype html>
<html lang="${doc.language}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body>
<header class="title-block"><div class="body">${esc(t.body)}</div><div class="symbol">${esc(t.symbol ?? '')}</div><div class="meta">${meta.join('<br>')}</div></header>
<main>
<h1>${esc(doc.title)}</h1>
<p class="as-at">${esc(doc.asAt)}</p>
${doc.blocks.map(block).join('\n')}
</main>
</body></html>
`;
}
