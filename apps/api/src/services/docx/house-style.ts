import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx'

/**
 * The house style of the Word documents the platform issues (通报, 现场反馈表), after the
 * Party/government document standard GB/T 9704: A4 with 37/35/28/26 mm margins, 3号 仿宋 body on
 * a fixed 28 pt line, 黑体 / 楷体 headings, bordered tables, page numbers "— n —" at the foot.
 * The fonts are named, not embedded; Word substitutes the nearest installed face on machines
 * without them.
 */

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  latin: 'Times New Roman',
}
export const PT = (points: number) => points * 2 // docx sizes are half-points
export const RED = 'C00000'
export const LINE = { line: 560, lineRule: LineRuleType.EXACT } // 28 pt
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would be 11905 wide). */
export const mm = (value: number) => Math.round((value * 1440) / 25.4)
/** Text width of the A4 page with the standard margins (210 − 28 − 26 mm). */
export const TEXT_WIDTH = mm(156)

/** The default run of a document: body font and size. */
export const DEFAULT_RUN = { font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: FONT.body }, size: PT(16) }

/** A4 with the standard margins. */
export const A4_PAGE = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
}

export function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    size: PT(size),
    font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: font },
    ...extra,
  })
}

/** A body paragraph: 3号 仿宋, first line indented two characters, justified. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONT.body, 16)],
    indent: { firstLine: PT(16) * 20 }, // two characters
    spacing: LINE,
    alignment: AlignmentType.JUSTIFIED,
  })
}

/** 一、… headings in 黑体. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ children: [run(text, FONT.heading1, 16)], indent: { firstLine: 640 }, spacing: LINE })
}

/** （一）… headings in 楷体. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ children: [run(text, FONT.heading2, 16)], indent: { firstLine: 640 }, spacing: LINE })
}

function cell(text: string, options: { header?: boolean; width: number; align?: 'left' | 'center' | 'right' }): TableCell {
  const alignment =
    options.align === 'left' ? AlignmentType.LEFT : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.header ? { fill: 'F2F2F2' } : undefined,
    // Line breaks inside a cell (a finding's description) become paragraphs of the cell.
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment,
          children: [run(line, options.header ? FONT.heading1 : FONT.body, 12)],
        }),
    ),
  })
}

/**
 * A bordered table; `widths` are relative and scaled to the text width. `leftColumns` are
 * left-aligned (text), `rightColumns` right-aligned (figures), the rest centred.
 */
export function table(
  headers: string[],
  rows: string[][],
  relative: number[],
  leftColumns: number[] = [],
  options: { rightColumns?: number[]; footer?: string[] } = {},
): Table {
  const total = relative.reduce((a, b) => a + b, 0)
  const widths = relative.map((w) => Math.floor((w / total) * TEXT_WIDTH))
  const widthAt = (i: number): number => {
    const width = widths[i]
    if (width === undefined) throw new Error(`table column ${i} has no width`)
    return width
  }
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const align = (i: number) => (leftColumns.includes(i) ? 'left' : options.rightColumns?.includes(i) ? 'right' : 'center')
  const bodyRow = (r: string[]) =>
    new TableRow({
      cantSplit: true,
      children: r.map((v, i) => cell(v, { width: widthAt(i), align: align(i) })),
    })
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h, i) => cell(h, { header: true, width: widthAt(i) })),
      }),
      ...rows.map(bodyRow),
      ...(options.footer ? [bodyRow(options.footer)] : []),
    ],
  })
}

export function spacer(): Paragraph {
  return new Paragraph({ children: [], spacing: { before: 0, after: 0, line: 280, lineRule: LineRuleType.EXACT } })
}

/** "— n —" centred at the foot of every page. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run('— ', '宋体', 14),
          new TextRun({ children: [PageNumber.CURRENT], size: PT(14), font: FONT.latin }),
          run(' —', '宋体', 14),
        ],
      }),
    ],
  })
}
