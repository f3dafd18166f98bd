import { compareScores } from './decimal'
import type { Insight } from './insights'

/**
 * One plain sentence per insight, in Chinese (the notice, the default UI) or English, from the
 * insight's own names and figures: the dashboard, the branch page and the notice all say the
 * same thing the same way.
 */
export type InsightLocale = 'zh' | 'en'

function names(xs: readonly { name: string }[], locale: InsightLocale): string {
  return xs.map((x) => x.name).join(locale === 'zh' ? '、' : ', ')
}

/** "上升 9.00 个百分点" / "rose 9.00 points"; signs become words. */
function change(value: string | undefined, locale: InsightLocale, unit: 'pp' | 'points'): string {
  if (value === undefined) return ''
  const c = compareScores(value, '0')
  const abs = value.replace(/^-/, '')
  if (locale === 'zh') {
    const u = unit === 'pp' ? '个百分点' : '分'
    return c === 0 ? '持平' : `${c > 0 ? '上升' : '下降'} ${abs} ${u}`
  }
  const u = unit === 'pp' ? 'percentage points' : 'points'
  return c === 0 ? 'unchanged' : `${c > 0 ? 'up' : 'down'} ${abs} ${u}`
}

/** "1 item" / "3 items": figures are integer strings. */
function counted(n: string | undefined, one: string, many: string): string {
  return `${n} ${n === '1' ? one : many}`
}

function categoryLabel(c: string | null, locale: InsightLocale): string {
  if (!c) return ''
  return locale === 'zh' ? `${{ I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ' }[c] ?? c}类` : `category ${c}`
}

export function insightSentence(x: Insight, locale: InsightLocale = 'zh'): string {
  const f = x.figures
  const org = names(x.orgs, locale)
  const pc = names(x.problemCategories, locale)
  const dim = names(x.dimensions, locale)
  const team = names(x.teams, locale)
  const cat = categoryLabel(x.category, locale)
  const zh = locale === 'zh'
  switch (x.kind) {
    case 'PROBLEM_CONCENTRATION':
      return zh
        ? `“${pc}”类问题占本轮问题 ${f.share}%（${f.count}/${f.total}）` +
            (f.change !== undefined ? `，较上轮${change(f.change, locale, 'pp')}` : '')
        : `“${pc}” makes up ${f.share}% of this round's findings (${f.count}/${f.total})` +
            (f.change !== undefined
              ? `, ${change(f.change, locale, 'pp')} on the previous round`
              : '')
    case 'NEW_PROBLEM_CATEGORY':
      return zh
        ? `本轮新出现“${pc}”类问题 ${f.count} 个，涉及 ${f.orgs} 个党组织`
        : `New problem category “${pc}”: ${counted(f.count, 'finding', 'findings')} at ${counted(f.orgs, 'org', 'orgs')}, never found before`
    case 'DECLINING_ORG':
      return zh
        ? `${org}总分${Number(f.falls) > 1 ? `连续 ${f.falls} 轮下降` : '下降'}，本轮 ${f.total} 分，较上轮下降 ${f.drop} 分`
        : `${org}'s total fell${Number(f.falls) > 1 ? ` in ${f.falls} consecutive rounds` : ''}: ${f.total} this round, ${f.drop} points below the previous round`
    case 'NEWLY_BLUE':
      if (f.previousTotal === undefined) {
        return zh ? `${org}本轮列入蓝榜（${cat}，${f.total} 分）` : `${org} is on the blue list this round (${cat}, ${f.total})`
      }
      return zh
        ? `${org}本轮列入蓝榜（${cat}，${f.total} 分），上轮不在蓝榜`
        : `${org} is on the blue list this round (${cat}, ${f.total}), not in the previous round`
    case 'BLUE_AGAIN':
      return zh
        ? `${org}连续 ${f.consecutive} 轮列入蓝榜（${cat}，本轮 ${f.total} 分）`
        : `${org} is on the blue list for ${f.consecutive} consecutive rounds (${cat}, ${f.total} this round)`
    case 'WEAK_DIMENSION':
      return zh
        ? `${cat}党组织在“${dim}”方面失分最多，失分率 ${f.lostRate}%，平均失分 ${f.averageLost} 分`
        : `${cat} orgs lost most in “${dim}”: ${f.lostRate}% of its maximum, ${f.averageLost} points per org`
    case 'ORG_WEAK_DIMENSION':
      return zh
        ? `${org}“${dim}”得分 ${f.points}，低于本类平均 ${f.categoryAverage} 分 ${(f.gap ?? '').replace(/^-/, '')} 分`
        : `${org} scored ${f.points} in “${dim}”, ${(f.gap ?? '').replace(/^-/, '')} below the category average of ${f.categoryAverage}`
    case 'REPEAT_AFTER_VERIFICATION':
      return zh
        ? `${org}“${pc}”类问题整改销号后再次被查出（屡查屡犯，本轮 ${f.findings} 个）`
        : `${org} was found again with “${pc}” after an earlier item was verified and closed (${f.findings} this round)`
    case 'CLOSE_OUT_RATE':
      return zh
        ? `上轮整改事项在本轮发布时销号率 ${f.rate}%（${f.closed}/${f.items}）` +
            (f.change !== undefined ? `，较前一轮${change(f.change, locale, 'pp')}` : '')
        : `${f.rate}% of the previous round's items were closed by this round's publication (${f.closed}/${f.items})` +
            (f.change !== undefined
              ? `, ${change(f.change, locale, 'pp')} on the round before`
              : '')
    case 'OVERDUE_BY_ORG':
      return zh
        ? `${org}有 ${f.overdue} 项整改已逾期未销号`
        : `${org} has ${counted(f.overdue, 'overdue rectification item', 'overdue rectification items')}`
    case 'OVERDUE_BY_TEAM':
      return zh
        ? `${team}检查发现的问题中有 ${f.overdue} 项整改逾期，涉及 ${f.orgs} 个党组织`
        : `${counted(f.overdue, 'item', 'items')} found by ${team} ${f.overdue === '1' ? 'is' : 'are'} overdue, at ${counted(f.orgs, 'org', 'orgs')}`
    case 'CARRIED_OVER':
      return zh
        ? `${org}有 ${f.items} 项整改已结转 ${f.maxCarryOvers} 次仍未销号`
        : `${org} has ${counted(f.items, 'item', 'items')} carried over ${f.maxCarryOvers === '1' ? 'once' : `${f.maxCarryOvers} times`} and still open`
    case 'TEAM_INCONSISTENCY':
      return zh
        ? `${team}对${cat}党组织平均每个扣 ${f.mean} 分，其他检查组 ${f.othersMean} 分，相差 ${(f.difference ?? '').replace(/^-/, '')} 分，评价尺度可能不一致`
        : `${team} deducted ${f.mean} points per ${cat} org, other teams ${f.othersMean}: standards may differ`
  }
}
