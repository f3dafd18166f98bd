import type { Table } from 'docx';
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph } from 'docx'
import { CATEGORY_LABELS } from '../board'
import {
  chineseDate,
  markText,
  QUARTER_NAMES,
  requirementTexts,
  summaryText,
  type NoticeArea,
  type NoticeData,
} from './data'
import {
  A4_PAGE,
  bodyParagraph,
  DEFAULT_RUN,
  FONT,
  heading1,
  heading2,
  LINE,
  pageNumberFooter,
  RED,
  run,
  spacer,
  table,
} from '../docx/house-style'

/**
 * The 通报 as a Word document in the house style of Party/government documents (GB/T 9704,
 * `../docx/house-style`): the issuing body in red over a red rule, the document number, a 2号
 * 小标宋 title, the body, and the issuing body and date at the end.
 */

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

function areaTitle(area: NoticeArea, index: number, multi: boolean): string | null {
  return multi ? `（${CN_NUMBERS[index] ?? index + 1}）${area.areaName}` : null
}

export function noticeBlocks(data: NoticeData): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = []
  const multi = data.areas.length > 1

  // Header: issuing body in red, document number, red rule.
  blocks.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      children: [run(`${data.notice.issuedBy}文件`, FONT.title, 32, { color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [run(data.notice.docNo, FONT.body, 16)],
    }),
    spacer(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(data.notice.title, FONT.title, 22)],
    }),
    new Paragraph({ spacing: LINE, children: [run('各党（总）支部：', FONT.body, 16)] }),
    bodyParagraph(summaryText(data)),
  )

  // 一、考核排名
  blocks.push(heading1('一、考核评价排名情况'))
  data.areas.forEach((area, i) => {
    const title = areaTitle(area, i, multi)
    if (title) blocks.push(heading2(title))
    for (const category of area.categories) {
      blocks.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 60 },
          children: [run(`${area.areaName}${category.label}党组织考核评价排名`, FONT.heading1, 14)],
        }),
        table(
          ['排名', '党组织', '基础得分', '加分', '总分', '红蓝榜'],
          category.rows.map((r) => [
            r.rank === null ? '' : String(r.rank),
            r.orgName,
            r.base ?? '',
            r.bonus ?? '',
            r.total ?? '',
            markText(r.mark),
          ]),
          [8, 36, 14, 10, 14, 12],
          [1],
        ),
      )
    }
  })

  // 二、红蓝榜
  blocks.push(heading1('二、“红蓝榜”情况'))
  data.areas.forEach((area, i) => {
    const title = areaTitle(area, i, multi)
    if (title) blocks.push(heading2(title))
    const names = (list: typeof area.red) =>
      list.length ? list.map((e) => `${e.orgName}（${e.reasonText || e.label}）`).join('、') : '无'
    blocks.push(bodyParagraph(`红榜：${names(area.red)}。`), bodyParagraph(`蓝榜：${names(area.blue)}。`))
  })

  // 三、月度绩效加减分
  blocks.push(heading1('三、月度绩效加减分'))
  const adjustments = data.areas.flatMap((a) => a.adjustments.map((x) => ({ ...x, areaName: a.areaName })))
  const [firstAdjustment] = adjustments
  if (firstAdjustment) {
    const month = firstAdjustment.month
    const [y, m] = month.split('-').map(Number)
    blocks.push(
      bodyParagraph(
        `根据考核评价结果，对以下党组织在${y}年${m}月月度绩效中予以加减分：`,
      ),
      table(
        ['专业', '党组织', '类别', '事由', '加减分', '计入月份'],
        adjustments.map((x) => [
          x.areaName,
          x.orgName,
          CATEGORY_LABELS[x.category],
          x.reasonText,
          x.points.startsWith('-') ? x.points : `+${x.points}`,
          x.month,
        ]),
        [12, 30, 9, 22, 12, 15],
        [1],
      ),
    )
  } else {
    blocks.push(bodyParagraph('本季度无月度绩效加减分事项。'))
  }

  // 四、发现问题
  blocks.push(heading1('四、发现问题情况'))
  if (data.problemCategories.length) {
    blocks.push(
      bodyParagraph(
        `本次检查共发现问题${data.totals.problemCategories}类${data.totals.findings}条，按问题类别统计如下，典型问题供各党组织对照自查：`,
      ),
      table(
        ['序号', '问题类别', '问题数', '其中屡查屡犯', '典型问题'],
        data.problemCategories.map((p, i) => [
          String(i + 1),
          p.name,
          String(p.count),
          String(p.repeatCount),
          p.examples.join('；'),
        ]),
        [7, 20, 9, 12, 52],
        [1, 4],
      ),
    )
  } else {
    blocks.push(bodyParagraph('本次检查未发现需要整改的问题。'))
  }

  // 五、问题分析 (R13): the administrator's text or the one generated from the round's insights.
  blocks.push(heading1('五、问题分析'))
  for (const text of data.analysis.paragraphs) blocks.push(bodyParagraph(text))

  // 六、整改要求
  blocks.push(heading1('六、整改要求'))
  requirementTexts(data).forEach((text, i) => blocks.push(bodyParagraph(`${i + 1}. ${text}`)))
  if (data.rectification.byOrg.length) {
    blocks.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 60 },
        children: [run('问题整改任务分布', FONT.heading1, 14)],
      }),
      table(
        ['序号', '党组织', '整改事项数', '完成时限'],
        data.rectification.byOrg.map((r, i) => [String(i + 1), r.orgName, String(r.count), chineseDate(r.deadline)]),
        [8, 46, 18, 28],
        [1],
      ),
    )
  }

  // Signature block.
  blocks.push(
    spacer(),
    spacer(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 1280 },
      spacing: LINE,
      children: [run(data.notice.issuedBy, FONT.body, 16)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 960 },
      spacing: LINE,
      children: [run(chineseDate(data.notice.issuedOn), FONT.body, 16)],
    }),
  )
  return blocks
}

export async function renderNoticeDocx(data: NoticeData): Promise<Buffer> {
  const doc = new Document({
    creator: data.notice.issuedBy,
    title: data.notice.title,
    subject: `${data.round.year}年第${QUARTER_NAMES[data.round.quarter] ?? data.round.quarter}季度考核评价结果`,
    styles: { default: { document: { run: DEFAULT_RUN } } },
    sections: [
      {
        properties: { page: A4_PAGE },
        footers: { default: pageNumberFooter() },
        children: noticeBlocks(data),
      },
    ],
  })
  return Packer.toBuffer(doc)
}

export function noticeFileName(data: NoticeData): string {
  return `${data.round.year}年第${QUARTER_NAMES[data.round.quarter] ?? data.round.quarter}季度考核评价结果通报.docx`
}
