import { chinaDate } from '@redblue/scoring'
import type { Board, BoardCategory, BoardEntry, BoardSection } from './index'

/**
 * The board as one self-contained HTML page: inline CSS, system fonts, no scripts, no external
 * resources (the product runs on air-gapped intranets). One layout serves a wall screen and a
 * phone: cards flow into as many columns as fit, and the type scales with the viewport width.
 */

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function formatDay(day: string | null): string {
  if (!day) return ''
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:clamp(15px,0.55vw + 10px,30px);-webkit-text-size-adjust:100%}
body{margin:0;background:#f5f1ea;color:#1f1f1f;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;line-height:1.5}
header{background:linear-gradient(90deg,#a4161a,#c1121f);color:#fff;padding:1rem 1.25rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem}
header h1{margin:0;font-size:1.8rem;letter-spacing:.15em}
header p{margin:0;opacity:.9;font-size:.95rem}
main{padding:1rem 1.25rem 2rem;max-width:160rem;margin:0 auto}
section.area{margin:0 0 1.5rem}
.area-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;border-bottom:3px solid #a4161a;padding-bottom:.35rem;margin-bottom:.8rem}
.area-head h2{margin:0;font-size:1.45rem;color:#7a0c10}
.area-head .round{color:#444;font-size:1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,19rem),1fr));gap:.9rem}
.card{background:#fff;border-radius:.6rem;box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden;display:flex;flex-direction:column}
.card h3{margin:0;padding:.55rem .9rem;font-size:1.1rem;background:#fbeee6;color:#5a1a12}
.card h3 small{font-weight:normal;color:#6b4a40;font-size:.85rem;margin-left:.4rem}
.lists{display:grid;grid-template-columns:1fr 1fr;flex:1}
.list{padding:.6rem .9rem .8rem}
.list h4{margin:0 0 .4rem;font-size:1rem;display:inline-block;padding:.05rem .7rem;border-radius:1rem;color:#fff;letter-spacing:.2em}
.red h4{background:#c1121f}
.blue h4{background:#1d4ed8}
.red{border-right:1px solid #eee}
ol{margin:0;padding:0;list-style:none}
li{padding:.3rem 0;border-bottom:1px dashed #e6e0d8}
li:last-child{border-bottom:0}
li .name{font-weight:600;font-size:1.05rem;display:block}
.red li .name{color:#a4161a}
.blue li .name{color:#1e3a8a}
li .why{font-size:.82rem;color:#666}
.none{color:#888;font-size:.9rem}
.empty{background:#fff;border-radius:.6rem;padding:1rem;color:#666}
footer{text-align:center;color:#777;font-size:.8rem;padding:0 1rem 1.5rem}
@media (min-width:1600px) and (orientation:landscape){main{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(0,1fr);gap:1.25rem;max-width:none}section.area{margin:0}.cards{grid-template-columns:1fr;gap:.7rem}.list{padding:.45rem .8rem .6rem}li{padding:.2rem 0}}
@media (max-width:30rem){.lists{grid-template-columns:1fr}.red{border-right:0;border-bottom:1px solid #eee}header h1{font-size:1.5rem}}
@media print{header{background:none;color:#000;border-bottom:2px solid #000}.card{box-shadow:none;border:1px solid #999;break-inside:avoid}}
`

function entryHtml(entry: BoardEntry): string {
  return `<li><span class="name">${escapeHtml(entry.orgName)}</span><span class="why">${escapeHtml(entry.reasonText)}</span></li>`
}

function listHtml(kind: 'red' | 'blue', entries: BoardEntry[]): string {
  const title = kind === 'red' ? '红榜' : '蓝榜'
  const body = entries.length
    ? `<ol>${entries.map(entryHtml).join('')}</ol>`
    : `<p class="none">本期无</p>`
  return `<div class="list ${kind}"><h4>${title}</h4>${body}</div>`
}

function categoryHtml(category: BoardCategory): string {
  return `<article class="card"><h3>${category.label}党组织<small>共 ${category.orgCount} 个</small></h3><div class="lists">${listHtml('red', category.red)}${listHtml('blue', category.blue)}</div></article>`
}

function sectionHtml(section: BoardSection): string {
  const id = `area-${section.areaCode.replace(/[^A-Za-z0-9_-]/g, '')}`
  if (!section.round) {
    return `<section class="area" id="${id}"><div class="area-head"><h2>${escapeHtml(section.areaName)}</h2></div><p class="empty">暂无已发布的考评结果</p></section>`
  }
  const published = section.round.publishedOn ? ` · ${formatDay(section.round.publishedOn)}发布` : ''
  return `<section class="area" id="${id}"><div class="area-head"><h2>${escapeHtml(section.areaName)}</h2><span class="round">${escapeHtml(section.round.name)}${published}</span></div><div class="cards">${section.categories.map(categoryHtml).join('')}</div></section>`
}

export interface BoardPageOptions {
  /** Seconds between automatic reloads (wall screens); 0 disables. */
  refreshSeconds?: number
}

export function renderBoardPage(board: Board, options: BoardPageOptions = {}): string {
  const refresh = options.refreshSeconds ?? 300
  const updated = board.updatedAt ? `最近发布：${formatDay(chinaDate(board.updatedAt))}` : '暂无已发布的考评结果'
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh > 0 ? `<meta http-equiv="refresh" content="${refresh}">` : ''}
<title>党建工作“红蓝榜”</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>党建工作“红蓝榜”</h1><p>季度差异化积分考核评价结果 · ${escapeHtml(updated)}</p></header>
<main>
${board.sections.map(sectionHtml).join('\n')}
</main>
<footer>同类党组织横向评比、分别排名 · 仅公示已发布的考评结果</footer>
</body>
</html>
`
}
