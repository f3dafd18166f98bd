import { CATEGORY_LABELS } from '../board'
import { escapeHtml } from '../board/page'
import { chineseDate, markText, requirementTexts, summaryText, type NoticeData } from './data'

/**
 * The 通报 as a print-friendly HTML page: the same content as the Word document, A4 page box,
 * serif body, tables that do not split rows across pages. Self-contained (no scripts or external
 * resources).
 */

const CSS = `
@page{size:A4;margin:37mm 26mm 35mm 28mm}
*{box-sizing:border-box}
body{margin:0 auto;max-width:156mm;padding:12mm 0;font:16pt/28pt "FangSong","仿宋_GB2312","仿宋","STFangsong","Noto Serif CJK SC","Source Han Serif SC",serif;color:#000;background:#fff}
.issuer{text-align:center;color:#c00000;font:bold 32pt/1.3 "方正小标宋简体","STZhongsong","SimSun",serif;letter-spacing:.1em;margin:0 0 12pt}
.docno{text-align:center;margin:0;padding-bottom:8pt;border-bottom:2.5pt solid #c00000}
h1{text-align:center;font:22pt/35pt "方正小标宋简体","STZhongsong","SimSun",serif;margin:24pt 0}
h2{font:16pt/28pt "SimHei","黑体",sans-serif;margin:0;text-indent:2em}
h3{font:16pt/28pt "KaiTi","楷体_GB2312","楷体",serif;margin:0;text-indent:2em}
p{margin:0;text-indent:2em;text-align:justify}
p.to{text-indent:0}
.caption{text-align:center;text-indent:0;font:14pt/1.6 "SimHei","黑体",sans-serif;margin:8pt 0 4pt}
table{width:100%;border-collapse:collapse;margin:0 0 10pt;font:12pt/1.5 "FangSong","仿宋_GB2312",serif}
th,td{border:1px solid #000;padding:2pt 4pt;text-align:center;vertical-align:middle}
th{font-family:"SimHei","黑体",sans-serif;background:#f2f2f2;white-space:nowrap}
td.l{text-align:left}
td:not(.l){white-space:nowrap}
tr{break-inside:avoid}
thead{display:table-header-group}
.sign{text-align:right;text-indent:0;padding-right:4em}
.date{text-align:right;text-indent:0;padding-right:3em}
.gap{height:28pt}
@media screen{body{padding:12mm 8mm}}
`

function tableHtml(headers: string[], rows: string[][], left: number[] = []): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
  const body = rows
    .map((r) => `<tr>${r.map((v, i) => `<td${left.includes(i) ? ' class="l"' : ''}>${escapeHtml(v)}</td>`).join('')}</tr>`)
    .join('')
  return `<table>${head}<tbody>${body}</tbody></table>`
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export function renderNoticeHtml(data: NoticeData): string {
  const multi = data.areas.length > 1
  const out: string[] = []
  const p = (text: string) => out.push(`<p>${escapeHtml(text)}</p>`)
  out.push(
    `<div class="issuer">${escapeHtml(data.notice.issuedBy)}文件</div>`,
    `<p class="docno">${escapeHtml(data.notice.docNo)}</p>`,
    `<h1>${escapeHtml(data.notice.title)}</h1>`,
    `<p class="to">各党（总）支部：</p>`,
  )
  p(summaryText(data))

  out.push('<h2>一、考核评价排名情况</h2>')
  data.areas.forEach((area, i) => {
    if (multi) out.push(`<h3>（${CN_NUMBERS[i] ?? i + 1}）${escapeHtml(area.areaName)}</h3>`)
    for (const category of area.categories) {
      out.push(`<p class="caption">${escapeHtml(`${area.areaName}${category.label}党组织考核评价排名`)}</p>`)
      out.push(
        tableHtml(
          ['排名', '党组织', '基础得分', '加分', '总分', '红蓝榜'],
          category.rows.map((r) => [
            r.rank === null ? '' : String(r.rank),
            r.orgName,
            r.base ?? '',
            r.bonus ?? '',
            r.total ?? '',
            markText(r.mark),
          ]),
          [1],
        ),
      )
    }
  })

  out.push('<h2>二、“红蓝榜”情况</h2>')
  data.areas.forEach((area, i) => {
    if (multi) out.push(`<h3>（${CN_NUMBERS[i] ?? i + 1}）${escapeHtml(area.areaName)}</h3>`)
    const names = (list: typeof area.red) =>
      list.length ? list.map((e) => `${e.orgName}（${e.reasonText || e.label}）`).join('、') : '无'
    p(`红榜：${names(area.red)}。`)
    p(`蓝榜：${names(area.blue)}。`)
  })

  out.push('<h2>三、月度绩效加减分</h2>')
  const adjustments = data.areas.flatMap((a) => a.adjustments.map((x) => ({ ...x, areaName: a.areaName })))
  const [firstAdjustment] = adjustments
  if (firstAdjustment) {
    const [y, m] = firstAdjustment.month.split('-').map(Number)
    p(`根据考核评价结果，对以下党组织在${y}年${m}月月度绩效中予以加减分：`)
    out.push(
      tableHtml(
        ['专业', '党组织', '类别', '事由', '加减分', '计入月份'],
        adjustments.map((x) => [
          x.areaName,
          x.orgName,
          CATEGORY_LABELS[x.category],
          x.reasonText,
          x.points.startsWith('-') ? x.points : `+${x.points}`,
          x.month,
        ]),
        [1],
      ),
    )
  } else {
    p('本季度无月度绩效加减分事项。')
  }

  out.push('<h2>四、发现问题情况</h2>')
  if (data.problemCategories.length) {
    p(`本次检查共发现问题${data.totals.problemCategories}类${data.totals.findings}条，按问题类别统计如下，典型问题供各党组织对照自查：`)
    out.push(
      tableHtml(
        ['序号', '问题类别', '问题数', '其中屡查屡犯', '典型问题'],
        data.problemCategories.map((pc, i) => [String(i + 1), pc.name, String(pc.count), String(pc.repeatCount), pc.examples.join('；')]),
        [1, 4],
      ),
    )
  } else {
    p('本次检查未发现需要整改的问题。')
  }

  out.push('<h2>五、问题分析</h2>')
  for (const text of data.analysis.paragraphs) p(text)

  out.push('<h2>六、整改要求</h2>')
  requirementTexts(data).forEach((text, i) => p(`${i + 1}. ${text}`))
  if (data.rectification.byOrg.length) {
    out.push('<p class="caption">问题整改任务分布</p>')
    out.push(
      tableHtml(
        ['序号', '党组织', '整改事项数', '完成时限'],
        data.rectification.byOrg.map((r, i) => [String(i + 1), r.orgName, String(r.count), chineseDate(r.deadline)]),
        [1],
      ),
    )
  }
  out.push(
    '<div class="gap"></div>',
    `<p class="sign">${escapeHtml(data.notice.issuedBy)}</p>`,
    `<p class="date">${escapeHtml(chineseDate(data.notice.issuedOn))}</p>`,
  )

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.notice.title)}</title>
<style>${CSS}</style>
</head>
<body>
${out.join('\n')}
</body>
</html>
`
}
