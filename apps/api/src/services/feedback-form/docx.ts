import type { Table } from 'docx';
import { AlignmentType, Document, LineRuleType, Packer, Paragraph } from 'docx'
import { A4_PAGE, bodyParagraph, DEFAULT_RUN, FONT, LINE, pageNumberFooter, run, spacer, table } from '../docx/house-style'
import type { FeedbackFormSheet } from './data'

/**
 * The 现场反馈表 as a Word document, to hand over on site and sign: the same sheet as the SPA's
 * print view (title, number, the visit's facts, the findings with their deductions and total, the
 * note to the org and the two signature lines), in the house style of the 通报.
 */

export const SHEET_TITLE = '党建工作督导检查现场反馈表'
export const SHEET_NOTE =
  '请受检党组织对上述问题进行核对，如有异议请在核对阶段提出；确认的问题须按要求制定整改措施并限期整改。'

function sheetBlocks(sheet: FeedbackFormSheet): (Paragraph | Table)[] {
  const findings = sheet.findings.map((f, i) => [
    String(i + 1),
    f.indicator,
    f.isRepeat ? `${f.problemCategory}（屡查屡犯）` : f.problemCategory,
    f.description,
    f.checkMethod,
    f.deduction,
  ])
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(SHEET_TITLE, FONT.title, 22)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(`编号：${sheet.formNo}`, FONT.body, 14)] }),
    table(
      ['受检党组织', '检查日期', '检查轮次', '检查组'],
      [[sheet.orgName, sheet.visitDate, sheet.roundName, sheet.teamName ?? '—']],
      [34, 16, 30, 20],
    ),
    ...(sheet.summary ? [spacer(), table(['检查情况小结'], [[sheet.summary]], [1], [0])] : []),
    spacer(),
    table(
      ['序号', '考核指标', '问题类别', '问题描述', '检查方式', '扣分'],
      findings.length ? findings : [['', '', '', '本次检查未发现问题', '', '']],
      [7, 22, 16, 35, 11, 9],
      [1, 2, 3],
      { rightColumns: [5], footer: ['', `合计 ${sheet.findings.length} 个问题`, '', '', '', sheet.totalDeduction] },
    ),
    bodyParagraph(SHEET_NOTE),
    spacer(),
    // Room to sign under each line.
    new Paragraph({ spacing: { before: 240, after: 720 }, children: [run('检查组签字：', FONT.body, 16)] }),
    new Paragraph({ spacing: { before: 240, after: 720 }, children: [run('受检党组织负责人签字：', FONT.body, 16)] }),
  ]
}

export async function renderFeedbackFormDocx(sheet: FeedbackFormSheet): Promise<Buffer> {
  const doc = new Document({
    creator: sheet.teamName ?? '检查组',
    title: `${SHEET_TITLE} ${sheet.formNo}`,
    subject: sheet.roundName,
    styles: { default: { document: { run: DEFAULT_RUN } } },
    sections: [{ properties: { page: A4_PAGE }, footers: { default: pageNumberFooter() }, children: sheetBlocks(sheet) }],
  })
  return Packer.toBuffer(doc)
}

/** e.g. 现场反馈表-2026Q3-G01-01-第一党支部.docx */
export function feedbackFormFileName(sheet: FeedbackFormSheet): string {
  return `现场反馈表-${sheet.formNo}-${sheet.orgName}.docx`
}
