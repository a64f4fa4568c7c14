import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, ReportDoc } from './report-model.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: '777777' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, opts: { header?: boolean; span?: number; width?: number } = {}) {
  return new TableCell({
    borders,
    columnSpan: opts.span,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    shading: opts.header || opts.span ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.header ? 'E6E9F2' : 'F3F4F8' } : undefined,
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: opts.header || !!opts.span, size: 19 })] })),
  });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HEADINGS[b.level] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: b.text, size: b.note ? 17 : 21, italics: b.note })], spacing: { after: 120 } })];
    case 'bullets':
      return b.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } }));
    case 'table': {
      const header = new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c, { header: true, width: b.widths?.[i] })) });
      const rows = b.rows.map((r) => new TableRow({ cantSplit: true, children: 'group' in r ? [cell(r.group, { span: b.columns.length })] : r.cells.map((c) => cell(c)) }));
      const caption = b.caption ? [new Paragraph({ children: [new TextRun({ text: b.caption, bold: true })], spacing: { before: 200, after: 80 } })] : [];
      const all = b.columns.some(Boolean) ? [header, ...rows] : rows;
      return [...caption, new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: all }), new Paragraph({ text: '' })];
    }
  }
}

/** A report as an editable Word document (Office Open XML), the format these users file. */
export async function renderDocx(doc: ReportDoc): Promise<Uint8Array> {
  const t = doc.titleBlock;
  const titleBlock = [
    new Paragraph({ children: [new TextRun({ text: t.body, bold: true, size: 30, color: '1E2D5A' })] }),
    ...[t.session, t.symbol, t.section, t.date].filter(Boolean).map((line) => new Paragraph({ children: [new TextRun({ text: line as string, size: 20 })] })),
    new Paragraph({ text: '' }),
  ];
  const document = new Document({
    creator: 'devcoop',
    title: doc.title,
    description: doc.asAt,
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1020, right: 1020 } } },
        children: [
          ...titleBlock,
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
          new Paragraph({ children: [new TextRun({ text: doc.asAt, italics: true })] }),
          ...doc.blocks.flatMap(block),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
