import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey, menuEntry, waitForText } from '../src/journey'
import { startPortal } from '../src/portal'
import { readRanking, showCategory } from '../src/ranking'

/**
 * Journey 7 — the public board (R11): without signing in, the latest published red and blue lists
 * per area and category, agreeing with the published ranking; and the floating window a plain
 * portal page on another origin gets from one script tag, which opens the full board.
 */
const AREA = '基层党建'

let journey: Journey
let portal: Awaited<ReturnType<typeof startPortal>> | undefined
beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('07-board', baseUrl)
  // Another origin than the board's (127.0.0.1 vs localhost), as a real portal would be.
  portal = await startPortal(baseUrl)
})
afterAll(async () => {
  await journey?.close()
  await portal?.close()
})

interface BoardCard {
  category: string
  red: string[]
  blue: string[]
}

async function readBoard(page: Page, area: string): Promise<{ round: string; cards: BoardCard[] }> {
  const section = page
    .locator('section.area')
    .filter({ has: page.getByRole('heading', { name: area, exact: true }) })
  await section.waitFor()
  const round = (await section.locator('.round').innerText()).trim()
  const cards = await section.locator('article.card').evaluateAll((articles) =>
    articles.map((a) => ({
      category: (a.querySelector('h3')?.firstChild?.textContent ?? '').replace('党组织', '').trim(),
      red: [...a.querySelectorAll('.list.red .name')].map((n) => n.textContent?.trim() ?? ''),
      blue: [...a.querySelectorAll('.list.blue .name')].map((n) => n.textContent?.trim() ?? ''),
    })),
  )
  return { round, cards }
}

test('the public board shows the lists; the floating window opens it from a portal page', async () => {
  const board = await journey.step('open /board without signing in', async () => {
    const page = await journey.newPage()
    await page.goto('/board')
    await page.getByRole('heading', { name: '党建工作“红蓝榜”' }).waitFor()
    const read = await readBoard(page, AREA)
    expect(read.cards.map((c) => c.category)).toEqual(['Ⅰ类', 'Ⅱ类', 'Ⅲ类'])
    // One red and one blue in categories I and II (R4); red never in category III.
    for (const card of read.cards.slice(0, 2)) {
      expect(card.red.length).toBeGreaterThanOrEqual(1)
      expect(card.blue.length).toBeGreaterThanOrEqual(1)
    }
    expect(read.cards[2]!.red).toEqual([])
    await waitForText(page.locator('section.area').first(), '红榜')
    await waitForText(page.locator('section.area').first(), '蓝榜')
    // Public: no finding details ever reach the board.
    expect(await page.locator('body').innerText()).not.toMatch(/扣分|问题描述/)
    await journey.shot(page, 'board')
    await page.setViewportSize({ width: 390, height: 844 })
    await journey.shot(page, 'board-phone')
    return read
  })

  await journey.step('the board agrees with the published ranking', async () => {
    const admin = await journey.signIn('admin')
    await menuEntry(admin, '领导看板').click()
    const heading = await showCategory(admin, 'II')
    expect(board.round).toContain(heading) // the board shows the latest published round
    const rows = await readRanking(admin)
    const card = board.cards[1]!
    expect(card.red.sort()).toEqual(
      rows
        .filter((r) => r.mark === 'RED')
        .map((r) => r.org)
        .sort(),
    )
    expect(card.blue.sort()).toEqual(
      rows
        .filter((r) => r.mark === 'BLUE')
        .map((r) => r.org)
        .sort(),
    )
    await admin.context().close()
  })

  await journey.step('a plain portal page gets the floating window from one tag', async () => {
    const page = await journey.newPage()
    await page.goto(portal!.url)
    await page.getByRole('heading', { name: '国网某供电公司 · 企业门户' }).waitFor()
    const widget = page.getByRole('complementary', { name: '党建工作红蓝榜' })
    await waitForText(widget, AREA)
    const text = await waitForText(widget, '红榜')
    expect(text).toContain('蓝榜')
    for (const name of [...board.cards[0]!.red, ...board.cards[1]!.blue])
      expect(text).toContain(name)
    await journey.shot(page, 'portal-widget', { fullPage: false })

    // It drifts over the page…
    const first = await widget.boundingBox()
    await page.waitForTimeout(1500)
    const second = await widget.boundingBox()
    expect(first && second && (first.x !== second.x || first.y !== second.y)).toBe(true)
    // …stops under the pointer (a moving target cannot be clicked)…
    await widget.hover({ force: true })
    const paused = await widget.boundingBox()
    await page.waitForTimeout(800)
    expect(await widget.boundingBox()).toEqual(paused)
    // …docks in a corner on request…
    await widget.getByRole('button', { name: '停靠到角落' }).click()
    await page.mouse.move(0, 0)
    const docked = await widget.boundingBox()
    await page.waitForTimeout(800)
    expect(await widget.boundingBox()).toEqual(docked)
    const viewport = page.viewportSize()!
    expect(docked!.x + docked!.width).toBeGreaterThan(viewport.width - 40)
    expect(docked!.y + docked!.height).toBeGreaterThan(viewport.height - 40)
    // …minimises and comes back…
    await widget.getByRole('button', { name: '最小化' }).click()
    await widget.getByRole('link', { name: /查看完整红蓝榜/ }).waitFor({ state: 'hidden' })
    await widget.getByRole('button', { name: '还原' }).click()
    await journey.shot(page, 'portal-widget-docked', { fullPage: false })

    // …and opens the full board.
    const [opened] = await Promise.all([
      page.context().waitForEvent('page'),
      widget.getByRole('link', { name: /查看完整红蓝榜/ }).click(),
    ])
    await opened.waitForLoadState()
    expect(new URL(opened.url()).pathname).toBe('/board')
    await opened.getByRole('heading', { name: '党建工作“红蓝榜”' }).waitFor()
    expect((await readBoard(opened, AREA)).cards).toEqual(board.cards)
    await journey.shot(opened, 'board-from-widget', { fullPage: false })

    await widget.getByRole('button', { name: '关闭' }).click()
    await widget.waitFor({ state: 'detached' })
  })
})
