/**
 * The public board (R11) on the demo data: the GraphQL field, the page and the JSON feed show the
 * latest published round per area with its red and blue lists — and nothing else: no finding
 * text, nothing from rounds that are not published, even when such rounds carry list marks.
 */
import { describe, expect, it } from 'vitest'
import { ok, useTestApi } from '../helpers'

const api = useTestApi({ reset: 'file' })

const BOARD = `{ board { updatedAt sections { areaCode areaName round { id name year quarter publishedOn }
  categories { category label orgCount red { orgName rank reasons reasonText } blue { orgName rank reasons reasonText } } } } }`

interface BoardData {
  board: {
    updatedAt: string | null
    sections: {
      areaCode: string
      areaName: string
      round: { id: number; name: string; year: number; quarter: number; publishedOn: string } | null
      categories: {
        category: string
        label: string
        orgCount: number
        red: { orgName: string; rank: number; reasons: string[]; reasonText: string }[]
        blue: { orgName: string; rank: number; reasons: string[]; reasonText: string }[]
      }[]
    }[]
  }
}

async function latestPublished(areaId: number) {
  return api.prisma.inspectionRound.findFirstOrThrow({
    where: { status: { in: ['PUBLISHED', 'CLOSED'] }, areas: { some: { areaId } } },
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }],
  })
}

describe('board query', () => {
  it('needs no sign-in and shows each area’s latest published round with its lists', async () => {
    const { board } = ok(await api.gql<BoardData>(BOARD))
    const areas = await api.prisma.area.findMany({ orderBy: { sortOrder: 'asc' } })
    expect(board.sections.map((s) => s.areaName)).toEqual(areas.map((a) => a.name))
    expect(board.sections.map((s) => s.areaName)).toEqual(['基层党建', '党风廉政', '宣传工作'])

    for (const [i, area] of areas.entries()) {
      const section = board.sections[i]!
      const round = await latestPublished(area.id)
      expect(section.round?.id).toBe(round.id)
      expect(section.round?.name).toBe(round.name)
      const marked = await api.prisma.assessment.findMany({
        where: { roundId: round.id, areaId: area.id, listMark: { not: null } },
        include: { org: true },
      })
      const names = (mark: 'RED' | 'BLUE') =>
        marked
          .filter((a) => a.listMark === mark)
          .map((a) => a.org.name)
          .sort()
      expect(section.categories.flatMap((c) => c.red.map((e) => e.orgName)).sort()).toEqual(names('RED'))
      expect(section.categories.flatMap((c) => c.blue.map((e) => e.orgName)).sort()).toEqual(names('BLUE'))
      expect(names('RED').length).toBeGreaterThan(0)
      expect(names('BLUE').length).toBeGreaterThan(0)
    }
    // R4 wording: firsts in I and II are red; category III below the threshold is blue.
    const party = board.sections[0]!
    for (const entry of party.categories.find((c) => c.category === 'I')!.red) {
      expect(entry.rank).toBe(1)
      expect(entry.reasons).toContain('RED_LIST')
      expect(entry.reasonText).toBe('Ⅰ类第一名')
    }
    for (const entry of party.categories.find((c) => c.category === 'III')!.blue) {
      expect(entry.reasons).toEqual(['BELOW_THRESHOLD'])
      expect(entry.reasonText).toMatch(/^基础得分低于98分$/)
    }
  })

  it('is the same data for every caller', async () => {
    const anonymous = ok(await api.gql<BoardData>(BOARD))
    const branch = ok(await api.gql<BoardData>(BOARD, {}, await api.login('branch1')))
    expect(branch).toEqual(anonymous)
  })
})

describe('board page, feed and floating-window script', () => {
  it('serves a self-contained zh-CN page with the lists, for wall screens and phones', async () => {
    const res = await api.fetch('/board')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toMatch(/@media \(max-width:30rem\)/)
    expect(html).toMatch(/font-size:clamp\(/)
    // Air-gapped: no scripts, no external fonts, styles or images.
    expect(html).not.toMatch(/<script|<link|https?:\/\/|@import|url\(/i)

    const { board } = ok(await api.gql<BoardData>(BOARD))
    for (const section of board.sections) {
      expect(html).toContain(section.areaName)
      expect(html).toContain(section.round!.name)
      const [y, m, d] = section.round!.publishedOn.split('-').map(Number)
      expect(html).toContain(`${y}年${m}月${d}日发布`)
      for (const c of section.categories) for (const e of [...c.red, ...c.blue]) expect(html).toContain(e.orgName)
    }
    expect(html).toContain('红榜')
    expect(html).toContain('蓝榜')
  })

  it('serves the JSON feed to any origin', async () => {
    const res = await api.fetch('/board/data.json', { headers: { origin: 'https://portal.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    const feed = (await res.json()) as { sections: { areaName: string; round: { name: string } | null }[] }
    expect(feed.sections).toHaveLength(3)
    expect(feed.sections.every((s) => s.round?.name)).toBe(true)
  })

  it('refuses other methods', async () => {
    const res = await api.fetch('/board', { method: 'POST', body: 'x' })
    expect(res.status).toBe(405)
  })
})

describe('nothing unpublished or detailed leaks', () => {
  it('leaves out findings and rounds that are not published, even with list marks set', async () => {
    const prisma = api.prisma
    const area = await prisma.area.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } })
    const latest = await latestPublished(area.id)
    const template = await prisma.assessment.findFirstOrThrow({ where: { roundId: latest.id, areaId: area.id } })

    // A newer round that is still being reconciled, and the seed's round in progress, both with
    // orgs marked red and blue as if published (which they are not).
    const secretOrgRed = await prisma.organization.create({
      data: { code: 'LEAK-R', name: '未发布红榜泄漏检测党支部', unitType: 'GRASSROOTS' },
    })
    const secretOrgBlue = await prisma.organization.create({
      data: { code: 'LEAK-B', name: '未发布蓝榜泄漏检测党支部', unitType: 'GRASSROOTS' },
    })
    const newer = await prisma.inspectionRound.create({
      data: {
        year: latest.year + 3,
        quarter: 4,
        name: '尚未发布的泄漏检测轮次',
        status: 'RECONCILING',
        areas: { create: { areaId: area.id } },
      },
    })
    const inProgress = await prisma.inspectionRound.findFirstOrThrow({ where: { status: 'INSPECTING' } })
    for (const round of [newer, inProgress]) {
      for (const [org, mark] of [
        [secretOrgRed, 'RED'],
        [secretOrgBlue, 'BLUE'],
      ] as const) {
        await prisma.assessment.create({
          data: {
            roundId: round.id,
            orgId: org.id,
            areaId: area.id,
            schemeId: template.schemeId,
            category: 'I',
            unitType: 'GRASSROOTS',
            baseScore: '99.00',
            totalScore: '99.00',
            rank: 1,
            listMark: mark,
          },
        })
        await prisma.performanceAdjustment.create({
          data: {
            roundId: round.id,
            orgId: org.id,
            areaId: area.id,
            category: 'I',
            reason: mark === 'RED' ? 'RED_LIST' : 'BLUE_LIST',
            points: mark === 'RED' ? '1.50' : '-1.50',
            month: `${round.year}-12`,
          },
        })
      }
    }

    const gql = JSON.stringify(ok(await api.gql<BoardData>(BOARD)))
    const html = await (await api.fetch('/board')).text()
    const json = await (await api.fetch('/board/data.json')).text()
    for (const output of [gql, html, json]) {
      expect(output).not.toContain('泄漏检测')
      expect(output).not.toContain(inProgress.name)
      expect(output).toContain(latest.name)
    }

    // No finding text of any round, and no scores beyond ranks.
    const findings = await prisma.finding.findMany({ select: { description: true } })
    expect(findings.length).toBeGreaterThan(200)
    const snippets = [...new Set(findings.map((f) => f.description.slice(0, 12)))].filter((s) => s.length >= 8)
    for (const output of [gql, html, json]) {
      for (const snippet of snippets) expect(output).not.toContain(snippet)
      expect(output).not.toMatch(/totalScore|baseScore|deduction|description/)
    }
    const categories = await prisma.problemCategory.findMany({ select: { name: true } })
    for (const output of [html, json]) for (const c of categories) expect(output).not.toContain(c.name)
  })
})
