import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { inspectingRound } from '../src/inspecting-round'
import { Journey, menuEntry, waitForText } from '../src/journey'

/**
 * Journey 15 — an interview's item closed in the next round's look-back (R9, R8): the admin adds
 * an item to the interview of an org on an earlier round's blue list; in the round being
 * inspected, inspector1 finds the item in that org's 回头看 like any other rectification and
 * verifies it (销号); back in the interview the item shows closed, and the ledger holds the
 * look-back note. Self-contained: the inspecting round is the one journey 10 set up or, run alone,
 * set up the same way through the API (`inspectingRound`); the org and the earlier round are
 * chosen from data read through the API (which orgs inspector1's team inspects).
 */
let journey: Journey
let inspecting = { id: 0, name: '' }
let earlier = { id: 0, name: '' }
let inspectedOrgs = new Set<number>()

interface Round {
  id: number
  name: string
  year: number
  quarter: number
  status: string
}

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('15-interview-look-back', baseUrl)
  const admin = await ApiSession.signIn(baseUrl, 'admin')
  const round = await inspectingRound(admin)
  inspecting = round
  const { rounds } = await admin.request<{ rounds: Round[] }>('{ rounds { id name year quarter status } }')
  // The latest published round before the inspecting one: its items are what the look-back re-checks.
  const before = rounds
    .filter((r) => (r.status === 'PUBLISHED' || r.status === 'CLOSED') && r.year * 10 + r.quarter < round.year * 10 + round.quarter)
    .sort((a, b) => b.year * 10 + b.quarter - (a.year * 10 + a.quarter))
  earlier = before[0]!
  const { round: teams } = await admin.request<{
    round: { teams: { assignments: { orgId: number }[]; members: { user: { username: string } }[] }[] }
  }>('query ($id: Int!) { round(id: $id) { teams { assignments { orgId } members { user { username } } } } }', { id: round.id })
  inspectedOrgs = new Set(
    teams.teams.filter((t) => t.members.some((m) => m.user.username === 'inspector1')).flatMap((t) => t.assignments.map((a) => a.orgId)),
  )
})
afterAll(async () => {
  await journey?.close()
})

const CONTENT = `约谈整改：党员教育台账补齐（回头看核实 ${Date.now() % 100000}）`
const MEASURE = '按季度补齐党员教育培训台账并由支部书记签字'
const NOTE = '回头看现场查阅台账，已按季度补齐，同意销号。'

test('an interview item is verified in the next round’s look-back', async () => {
  expect(earlier, 'a published round before the inspecting one').toBeDefined()
  expect(inspectedOrgs.size).toBeGreaterThan(0)
  const admin = await journey.signIn('admin')
  const table = admin.getByTestId('interview-table')
  const drawer = admin.locator('.n-drawer')

  async function openInterviews() {
    await menuEntry(admin, '清单式约谈').click()
    await table.locator('tbody tr.interview-row').first().waitFor()
    // The latest published round is chosen first; it may be the earlier round itself.
    if ((await admin.getByTestId('interview-round').innerText()).includes(earlier.name)) return
    await admin.getByTestId('interview-round').click()
    await admin.locator('.n-base-select-menu').last().locator('.n-base-select-option').filter({ hasText: earlier.name }).first().click()
    await admin.waitForURL(new RegExp(`/interviews\\?roundId=${earlier.id}$`))
    // The table keeps the previous round's rows until the chosen round's list arrives; the page
    // loaded at the chosen round's address shows that round's rows only.
    await admin.reload()
    await table.locator('tbody tr.interview-row').first().waitFor()
  }

  /**
   * Opens a row's interview in the drawer. Choosing the round replaces the table once its list
   * has loaded, and that closes a drawer opened on the previous round's rows: try again then.
   */
  async function openInterview(row: ReturnType<typeof table.locator>, name: string, button: string) {
    for (let attempt = 1; ; attempt++) {
      await row.getByRole('button', { name: button }).click()
      const opened = await waitForText(drawer.locator('.n-drawer-header'), name, 5_000).then(
        () => true,
        () => false,
      )
      if (opened) return
      if (attempt === 3) throw new Error(`The interview of ${name} did not open`)
    }
  }

  const { orgId, orgName } = await journey.step('the admin adds an item to an interview of the earlier round', async () => {
    await openInterviews()
    const orgIds = (await table.locator('tbody tr.interview-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-org-id')))))
    const id = orgIds.find((o) => inspectedOrgs.has(o))
    expect(id, 'an org on the blue list that inspector1’s team inspects now').toBeDefined()
    const row = table.locator(`tbody tr.interview-row[data-org-id="${id}"]`).first()
    const name = (await row.locator('td:nth-child(2)').innerText()).trim()
    // Opening the record of an org without one creates it (and opens the drawer) first.
    const create = row.getByRole('button', { name: '建立约谈' })
    if (await create.count()) {
      await create.click()
      await waitForText(drawer.locator('.n-drawer-header'), name)
    } else {
      await openInterview(row, name, '记录')
    }
    const form = drawer.getByTestId('interview-new-item')
    await form.locator('input[id$="-content"]').fill(CONTENT)
    await form.getByLabel('整改措施', { exact: true }).fill(MEASURE)
    await form.getByLabel('责任人', { exact: true }).fill('支部书记')
    await form.getByTestId('interview-add-item').click()
    await waitForText(drawer.getByTestId('interview-items').locator('li').filter({ hasText: CONTENT }), '整改中')
    await journey.shot(admin, 'interview-item')
    return { orgId: id!, orgName: name }
  })

  const inspector = await journey.signIn('inspector1')
  await journey.step('inspector1 finds the item in the org’s look-back and verifies it', async () => {
    await menuEntry(inspector, '评分工作台').click()
    await inspector.locator('.n-select').first().click()
    await inspector.locator('.n-base-select-menu').last().locator('.n-base-select-option').filter({ hasText: inspecting.name }).first().click()
    const row = inspector.getByRole('row').filter({ hasText: orgName }).filter({ has: inspector.getByRole('button', { name: '进入评分' }) }).first()
    await row.getByRole('button', { name: '进入评分' }).click()
    await inspector.waitForURL(/\/workbench\/\d+$/)
    const item = inspector.locator('[data-rectification-id]').filter({ hasText: CONTENT })
    await item.waitFor()
    // Opened by the earlier round, like a finding's rectification.
    await waitForText(item, earlier.name)
    await waitForText(item, MEASURE)
    await journey.shot(inspector, 'look-back-item')
    await item.getByRole('button', { name: '核实销号' }).click()
    const dialog = inspector.getByRole('dialog')
    await dialog.getByRole('textbox').fill(NOTE)
    await dialog.getByRole('button', { name: '确定' }).click()
    await item.waitFor({ state: 'detached' })
    await journey.shot(inspector, 'look-back-verified')
  })

  await journey.step('the interview shows the item closed; the ledger holds the look-back', async () => {
    await admin.reload()
    await openInterviews()
    const row = table.locator(`tbody tr.interview-row[data-org-id="${orgId}"]`).first()
    await openInterview(row, orgName, '记录')
    const item = drawer.getByTestId('interview-items').locator('li').filter({ hasText: CONTENT })
    await waitForText(item, '已销号')
    await item.getByRole('link', { name: '在整改台账中查看' }).click()
    await admin.waitForURL(/\/ledger\?rectification=\d+/)
    const detail = admin.locator('.n-drawer').last()
    await waitForText(detail, NOTE)
    await waitForText(detail, '已销号')
    await journey.shot(admin, 'ledger-closed')
  })
})
