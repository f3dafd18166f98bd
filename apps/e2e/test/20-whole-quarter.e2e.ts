import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { PDF_MINIMAL } from '../src/files'
import { Journey, menuEntry, searchAndPick, waitForText } from '../src/journey'
import { watchRefusals, type Refusal } from '../src/refusals'
import { finishInspection } from '../src/workflow'

/**
 * Journey 20 — one whole quarter by the people who do it, in the browser: the admin creates the
 * round, its teams and assignments and starts it; inspector1 scores two orgs completely (a feedback form
 * and findings included) and submits; the admin moves to 核对中; branch1 confirms one finding and disputes the
 * other; the admin resolves the dispute and publishes through the preview; branch1 reports its
 * rectification with evidence; inspector1 verifies it in the next round's look-back; the leader
 * finds the round on the dashboard and drills down to the finding. Every page of every role is
 * watched: none may make a request the API refuses.
 *
 * Self-contained: it runs its own two quarters of 2026, the first two free ones in a row (the demo's
 * rounds are each year's Q4; journey 10 may have opened Q1), and only one area, so the demo's
 * current round and the board stay as the other journeys expect them.
 */
const YEAR = 2026
/** The first of two free quarters in a row (journey 10 may have taken 2026 Q1 for its inspecting round). */
let QUARTER = 0
let ROUND_NAME = ''
let NEXT_ROUND_NAME = ''
const roundName = (quarter: number) => `${YEAR}年第${quarter}季度党建工作全流程检查`
const AREA = '基层党建'
const OTHER_AREAS = ['党风廉政', '宣传工作']
const CATEGORY_LABEL: Record<string, string> = { I: 'Ⅰ类', II: 'Ⅱ类', III: 'Ⅲ类' }
const FEEDBACK_SUMMARY = '走访座谈、查阅资料，现场反馈问题两项。'

let journey: Journey
let admin: ApiSession
const refusals: Refusal[] = []
let areaId = 0
let branch1 = { id: 0, name: '' }
let branch2 = { id: 0, name: '' }
let inspectorHomes: number[] = []
let roundId = 0

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('20-whole-quarter', baseUrl)
  admin = await ApiSession.signIn(baseUrl, 'admin')
  const { rounds, areas, users } = await admin.request<{
    rounds: { year: number; quarter: number }[]
    areas: { id: number; name: string }[]
    users: { username: string; orgId: number | null }[]
  }>(`{ rounds(year: ${YEAR}) { year quarter } areas { id name } users(role: INSPECTOR) { username orgId } }`)
  const taken = new Set(rounds.map((r) => r.quarter))
  QUARTER = [1, 2, 3].find((q) => !taken.has(q) && !taken.has(q + 1)) ?? 0
  if (!QUARTER) throw new Error(`${YEAR} has no two free quarters in a row: this journey needs them`)
  ROUND_NAME = roundName(QUARTER)
  NEXT_ROUND_NAME = roundName(QUARTER + 1)
  areaId = areas.find((a) => a.name === AREA)!.id
  inspectorHomes = users.filter((u) => ['inspector1', 'inspector2'].includes(u.username)).map((u) => u.orgId ?? 0)
  const orgOf = async (username: string) =>
    (await (await ApiSession.signIn(baseUrl, username)).request<{ me: { org: { id: number; name: string } } }>(
      '{ me { org { id name } } }',
    )).me.org
  branch1 = await orgOf('branch1')
  branch2 = await orgOf('branch2')
})
afterAll(async () => {
  await journey?.close()
})

/** Signs a person in through the UI, watching every request their pages make. */
async function person(username: string): Promise<Page> {
  const page = await journey.newPage()
  watchRefusals(page, username, refusals)
  const { signIn } = await import('../src/journey')
  await signIn(page, journey.baseUrl, username)
  return page
}

/** Shots at 1366×768 too, for the screens this journey passes. */
async function shots(page: Page, label: string) {
  await journey.shot(page, label)
  const size = page.viewportSize()
  await page.setViewportSize({ width: 1366, height: 768 })
  await journey.shot(page, `${label}-1366`, { fullPage: false })
  if (size) await page.setViewportSize(size)
}

async function openTab(page: Page, label: string) {
  // naive-ui tabs carry no tab role: find the tab by its label.
  await page.locator('.n-tabs-tab').filter({ hasText: label }).first().click()
}

async function transition(page: Page, status: string, check?: (dialog: Locator) => Promise<void>) {
  await openTab(page, '状态流转')
  await page.getByTestId('round-transition').click()
  const dialog = page.getByRole('dialog')
  await waitForText(dialog, `确认将本轮次转为“${status}”？`)
  // The API tries the step first: the button stays disabled until it says nothing blocks it.
  await dialog.getByText('正在核算本次操作的结果…').waitFor({ state: 'hidden' })
  expect(await dialog.getByTestId('transition-blockers').count()).toBe(0)
  await check?.(dialog)
  await dialog.getByRole('button', { name: '确定' }).click()
  await dialog.waitFor({ state: 'hidden', timeout: 120_000 })
}

/** The assessment of an org in a round (ids only; the page itself is reached through the UI). */
async function assessmentOf(orgId: number, round = roundId) {
  const { assessments } = await admin.request<{ assessments: { id: number }[] }>(
    `query ($roundId: Int!, $orgId: Int!) { assessments(roundId: $roundId, orgId: $orgId) { id } }`,
    { roundId: round, orgId },
  )
  return assessments[0]!.id
}

/** Rates every graded indicator (first level) and measures every quantity, in the page. */
async function scoreEverything(page: Page) {
  const indicators = page.locator('[data-indicator-id]')
  const count = await indicators.count()
  for (let i = 0; i < count; i++) {
    const indicator = indicators.nth(i)
    const radio = indicator.locator('input[type=radio]').first()
    if (await radio.count()) {
      await radio.check({ force: true })
      continue
    }
    const quantity = indicator.getByPlaceholder('实际值')
    // A measured value above target counts the indicator's maximum.
    if (await quantity.count()) await quantity.fill('100')
  }
}

async function recordFinding(page: Page, description: string, deduction: string) {
  const indicator = page
    .locator('[data-indicator-id]')
    .filter({ has: page.locator('button', { hasText: '记录问题' }) })
    .first()
  const indicatorId = Number(await indicator.getAttribute('data-indicator-id'))
  await indicator.locator('button', { hasText: '记录问题' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByText('记录问题').first().waitFor()
  await searchAndPick(page, dialog.getByTestId('category-picker'), '意识形态', '意识形态工作责任落实不到位')
  await dialog.getByRole('radio', { name: '查阅资料' }).check({ force: true })
  // An unreadable deduction is refused beside the field, and saving waits for it.
  await dialog.getByLabel('扣分').fill('abc')
  await waitForText(dialog, '请输入不小于 0 的数字（最多两位小数）')
  expect(await dialog.getByTestId('dialog-submit').isDisabled()).toBe(true)
  await dialog.getByLabel('扣分').fill(deduction)
  await dialog.getByLabel('问题描述').fill(description)
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-finding-id]').filter({ hasText: description }).first().waitFor()
  return indicatorId
}

/**
 * The inspector picks the round in the workbench and finds the row of `sheet` (an assessment of
 * that round): the list's link says which sheet a row opens, so a row of another round (the same
 * org, the same area) is never taken for it.
 */
async function openSheet(page: Page, roundName: string, sheet: number): Promise<Locator> {
  await menuEntry(page, '评分工作台').click()
  await page.locator('.n-base-selection').first().click()
  await page.locator('.n-base-select-option').filter({ hasText: roundName }).first().click()
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/workbench/${sheet}"]`) })
  await row.first().waitFor()
  return row
}

/** At the end of the visit: the feedback form (现场反馈表) the findings after it go on. */
async function openFeedbackForm(page: Page, summary: string) {
  const panel = page.getByTestId('feedback-forms')
  await panel.getByTestId('feedback-form-new').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('检查情况小结', { exact: true }).fill(summary)
  await dialog.getByRole('button', { name: '保存' }).click()
  await waitForText(page.locator('.n-message').last(), /已建立反馈表 \S+/)
  await waitForText(panel, summary)
}

/** The inspector scores an org in full in the workbench, then submits through the confirmation. */
async function scoreAndSubmit(
  page: Page,
  org: { id: number; name: string },
  findings: [string, string][],
  feedbackSummary?: string,
) {
  const row = await openSheet(page, ROUND_NAME, await assessmentOf(org.id))
  await waitForText(row, '未评分')
  await row.getByRole('button', { name: '进入评分' }).click()
  await page.getByRole('heading', { name: org.name }).waitFor()
  await page.getByTestId('live-total').waitFor()
  if (feedbackSummary) await openFeedbackForm(page, feedbackSummary)
  let indicatorId = 0
  for (const [description, deduction] of findings) indicatorId = await recordFinding(page, description, deduction)
  await scoreEverything(page)
  // A number the engine cannot read keeps save disabled, with the field's own message.
  const quantity = page.getByPlaceholder('实际值').first()
  if (await quantity.count()) {
    await quantity.fill('abc')
    await waitForText(page.locator('[role=alert]').first(), '请输入不小于 0 的数字（最多两位小数）')
    expect(await page.getByTestId('save-assessment').isDisabled()).toBe(true)
    await quantity.fill('100')
  }
  await page.getByTestId('save-assessment').click()
  await page.getByText('有未保存的修改').waitFor({ state: 'hidden' })
  await page.getByTestId('submit-assessment').click()
  const confirm = page.getByRole('dialog')
  await waitForText(confirm, '提交后以下评分将锁定')
  await waitForText(confirm, `记录问题 ${findings.length} 个`)
  await shots(page, `submit-${org.name}`)
  await confirm.getByRole('button', { name: '提交评分' }).click()
  await confirm.waitFor({ state: 'hidden' })
  await page.getByText('已提交', { exact: true }).first().waitFor()
  return indicatorId
}

test('one quarter, start to finish, each step by the role that does it', async () => {
  const adminPage = await journey.step('sign in as admin', () => person('admin'))

  await journey.step('admin creates the round for one area', async () => {
    await menuEntry(adminPage, '检查轮次').click()
    await adminPage.getByRole('button', { name: '新建轮次' }).click()
    const dialog = adminPage.getByRole('dialog')
    await dialog.waitFor()
    // Clicks are forced (naive-ui's boxes are styled divs), so they wait for nothing: a click
    // while the dialog still scales in lands beside its box (seen in CI: an area stayed ticked).
    const running = () =>
      adminPage.evaluate(
        () => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length,
      )
    await expect.poll(running, { timeout: 15_000 }).toBe(0)
    // The dialog fills its defaults (this quarter, every area, no name) as it opens and its areas
    // arrive: the whole form is set until it holds, so a late default is put right, not kept.
    const quarter = dialog.getByRole('radio', { name: `第 ${QUARTER} 季度` })
    const name = dialog.locator('#round-name')
    const wanted: [string, boolean][] = [[AREA, true], ...OTHER_AREAS.map((other): [string, boolean] => [other, false])]
    const setForm = async () => {
      if (!(await quarter.isChecked())) await quarter.check({ force: true }).catch(() => undefined)
      for (const [area, on] of wanted) {
        const box = dialog.getByRole('checkbox', { name: area })
        if ((await box.isChecked()) !== on) await box.setChecked(on, { force: true }).catch(() => undefined)
      }
      if ((await name.inputValue()) !== ROUND_NAME) await name.fill(ROUND_NAME)
      return {
        quarter: await quarter.isChecked(),
        areas: await Promise.all(wanted.map(([area]) => dialog.getByRole('checkbox', { name: area }).isChecked())),
        name: await name.inputValue(),
      }
    }
    await expect.poll(setForm, { timeout: 15_000 }).toEqual({ quarter: true, areas: wanted.map(([, on]) => on), name: ROUND_NAME })
    await expect.poll(() => dialog.getByTestId('dialog-submit').isDisabled()).toBe(false)
    await shots(adminPage, 'create-round')
    await dialog.getByRole('button', { name: '保存' }).click()
    await adminPage.getByRole('heading', { name: ROUND_NAME }).waitFor()
    roundId = Number(/\/rounds\/(\d+)/.exec(adminPage.url())![1])
  })

  await journey.step('admin forms two teams with their inspectors', async () => {
    for (const [team, inspector] of [
      ['甲组', '张伟'],
      ['乙组', '刘芳'],
    ] as const) {
      await adminPage.getByPlaceholder('组名').last().fill(team)
      await adminPage.getByRole('button', { name: '添加检查组' }).click()
      const card = adminPage.locator('[data-team-id]').filter({ has: adminPage.locator(`input[value="${team}"]`) })
      await card.waitFor()
      await searchAndPick(adminPage, card.locator('.n-select').first(), inspector, inspector)
      await card.getByRole('button', { name: '添加', exact: true }).click()
      await waitForText(card.locator('.members'), inspector)
    }
    // The training form says what it needs instead of a silently disabled button.
    await waitForText(adminPage.locator('[data-testid="training-needs"]').first(), '填写培训日期和内容后可添加')
    await shots(adminPage, 'teams')
  })

  await journey.step('admin assigns the two orgs to 甲组; the other orgs in bulk (API)', async () => {
    await openTab(adminPage, '检查分工')
    const { round } = await admin.request<{ round: { teams: { id: number; name: string }[] } }>(
      `query ($id: Int!) { round(id: $id) { teams { id name } } }`,
      { id: roundId },
    )
    const jia = round.teams.find((t) => t.name === '甲组')!.id
    const yi = round.teams.find((t) => t.name === '乙组')!.id
    for (const org of [branch1, branch2]) {
      await adminPage.locator(`[data-cell="${org.id}:${jia}"]`).click()
      await waitForText(adminPage.locator(`[data-cell="${org.id}:${jia}"]`), '✓')
    }
    // Not a browser step: the other 29 orgs, one click each, teach nothing more. Each goes to 乙组
    // unless its inspector's home org (an inspector never inspects their own org: R6).
    const { orgs } = await admin.request<{ orgs: { id: number }[] }>('{ orgs(assessedOnly: true) { id } }')
    for (const org of orgs) {
      if (org.id === branch1.id || org.id === branch2.id) continue
      const teamId = org.id === inspectorHomes[1] ? jia : yi
      await admin.mutate(
        'assignTeam',
        'TeamAssignment',
        `mutation ($r: Int!, $o: Int!, $t: Int!) { assignTeam(roundId: $r, orgId: $o, teamId: $t) { __typename ... on AppError { message } } }`,
        { r: roundId, o: org.id, t: teamId },
      )
    }
    await adminPage.reload()
    await openTab(adminPage, '进度')
    await waitForText(adminPage.getByTestId('round-progress'), branch1.name)
    await shots(adminPage, 'progress-planning')
  })

  await journey.step('admin starts the inspection, told beforehand what it opens', async () => {
    await transition(adminPage, '检查中', async (dialog) => {
      await waitForText(dialog.getByTestId('transition-opens'), /将为 \d+ 份评分表/)
      await shots(adminPage, 'start-preview')
    })
    await adminPage.getByText('筹备中 → 检查中').waitFor()
  })

  const inspector = await journey.step('sign in as inspector1', () => person('inspector1'))
  const disputedText = '支部委员会会议记录缺少议题研究过程'
  const confirmedText = '党员教育培训台账未按季度更新'
  const deemedText = '主题党日活动记录缺少签到'
  let findingIndicator = 0

  await journey.step('inspector1 scores branch1’s org in full, with two findings', async () => {
    findingIndicator = await scoreAndSubmit(
      inspector,
      branch1,
      [
        [confirmedText, '1.00'],
        [disputedText, '0.50'],
      ],
      FEEDBACK_SUMMARY,
    )
    // Both findings went on the visit's feedback form.
    await waitForText(inspector.getByTestId('feedback-forms'), '2 个问题')
  })

  await journey.step('inspector1 scores branch2’s org in full, with one finding', async () => {
    await scoreAndSubmit(inspector, branch2, [[deemedText, '0.50']])
  })

  await journey.step('the other teams finish inspecting (API)', async () => {
    // Not a browser step: the other 29 score sheets, rated and submitted, would take this suite far
    // too long by hand; the journey is about the two orgs above.
    expect(await finishInspection(admin, roundId)).toBeGreaterThan(0)
  })

  await journey.step('admin sees every sheet submitted and moves to 核对中', async () => {
    await adminPage.reload()
    await openTab(adminPage, '进度')
    const progress = adminPage.getByTestId('round-progress')
    await waitForText(progress.locator('[data-stage="SUBMITTED"]'), /已提交\s*\d+/)
    expect(await progress.locator('[data-stage="IN_PROGRESS"] b').innerText()).toBe('0')
    await shots(adminPage, 'progress-submitted')
    await transition(adminPage, '核对中')
    await adminPage.getByText('检查中 → 核对中').waitFor()
  })

  const branch = await journey.step('sign in as branch1', () => person('branch1'))
  const card = branch.locator('[data-round-id]').filter({ hasText: ROUND_NAME })
  const item = (text: string) => card.locator('[data-finding-id]').filter({ hasText: text })

  await journey.step('branch1 confirms one finding and disputes the other', async () => {
    await menuEntry(branch, '问题核对').click()
    await waitForText(card, '核对中')
    await item(confirmedText).locator('[data-action=confirm]').click()
    const confirm = branch.getByRole('dialog')
    await waitForText(confirm, '确认该问题属实？')
    await confirm.getByRole('button', { name: '确认' }).click()
    await waitForText(item(confirmedText), '已确认')
    await item(disputedText).locator('[data-action=dispute]').click()
    const dispute = branch.getByRole('dialog')
    await waitForText(dispute, '对问题提出异议')
    await dispute.getByLabel('异议理由').fill('议题研究过程记录在支委会纪要附件中，检查时未调阅。')
    await dispute.getByRole('button', { name: '提出异议' }).click()
    await dispute.waitFor({ state: 'hidden' })
    await waitForText(item(disputedText), '有异议')
    await shots(branch, 'reconciled')
  })

  await journey.step('admin sees the open dispute block publication, then resolves it', async () => {
    await adminPage.reload()
    await openTab(adminPage, '进度')
    await waitForText(adminPage.getByTestId('round-progress').locator('[data-stage="disputed"] b'), '1')
    await openTab(adminPage, '状态流转')
    await adminPage.getByTestId('round-transition').click()
    const dialog = adminPage.getByRole('dialog')
    await waitForText(dialog.getByTestId('transition-blockers'), '有异议的问题未处理')
    expect(await dialog.getByRole('button', { name: '确定' }).isDisabled()).toBe(true)
    await shots(adminPage, 'publish-blocked')
    await dialog.getByRole('button', { name: '取消' }).click()

    await menuEntry(adminPage, '争议处理').click()
    const disputed = adminPage.locator('[data-finding-id]').filter({ hasText: disputedText })
    await waitForText(disputed, branch1.name)
    await disputed.getByRole('button', { name: '撤销问题' }).click()
    const resolve = adminPage.getByRole('dialog')
    await resolve.getByPlaceholder('处理意见').fill('经核实，纪要附件记录了议题研究过程，撤销该问题。')
    await resolve.getByRole('button', { name: '确定' }).click()
    await disputed.waitFor({ state: 'detached' })
  })

  await journey.step('admin publishes through the preview', async () => {
    await menuEntry(adminPage, '检查轮次').click()
    await adminPage.getByRole('link', { name: ROUND_NAME }).click()
    await adminPage.getByRole('heading', { name: ROUND_NAME }).waitFor()
    await transition(adminPage, '已发布', async (dialog) => {
      const preview = dialog.getByTestId('publish-preview')
      await waitForText(preview, `${AREA} · Ⅰ类`)
      await waitForText(preview, branch1.name)
      await preview.locator('.n-tabs-tab').filter({ hasText: '红蓝榜' }).click()
      await waitForText(dialog.getByTestId('preview-red'), AREA)
      await waitForText(dialog.getByTestId('preview-blue'), AREA)
      await preview.locator('.n-tabs-tab').filter({ hasText: '视为确认的问题' }).click()
      // branch2 never reacted to its finding: publication deems it confirmed, and says so first.
      await waitForText(dialog.getByTestId('preview-deemed'), deemedText)
      await waitForText(dialog, /将建立整改事项 \d+ 项/)
      await shots(adminPage, 'publish-preview')
    })
    await adminPage.getByText('核对中 → 已发布').waitFor()
    await shots(adminPage, 'published')
  })

  await journey.step('branch1 reports its rectification with evidence', async () => {
    await menuEntry(branch, '我的整改').click()
    const rectification = branch
      .locator('[data-rectification-id]')
      .filter({ hasText: ROUND_NAME })
      .filter({ hasText: confirmedText })
      .first()
    await rectification.waitFor()
    const form = rectification.getByTestId('rectification-form')
    if (!(await form.isVisible())) await rectification.getByText('提交整改进展', { exact: true }).first().click()
    await form.waitFor()
    await form.getByLabel('整改进展').fill('已按季度补齐党员教育培训台账，附台账扫描件。')
    await form.getByTestId('progress-files').setInputFiles({
      name: '培训台账.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_MINIMAL,
    })
    await waitForText(form, '培训台账.pdf')
    await form.getByTestId('submit-progress').click()
    await waitForText(branch.locator('.n-message').last(), '整改进展已提交')
    await shots(branch, 'rectification-submitted')
  })

  let nextRoundId = 0
  await journey.step('the next round starts (API)', async () => {
    // Setting up a second round the same way as the first teaches nothing new: created, staffed and
    // started through the API. Its look-back is what the next step does in the browser.
    const created = await admin.mutate<{ __typename: string; id: number }>(
      'createRound',
      'InspectionRound',
      `mutation ($input: CreateRoundInput!) { createRound(input: $input) { __typename ... on InspectionRound { id } ... on AppError { message } } }`,
      { input: { year: YEAR, quarter: QUARTER + 1, name: NEXT_ROUND_NAME, areaIds: [areaId] } },
    )
    nextRoundId = created.id
    const teams: number[] = []
    for (const [name, username] of [
      ['甲组', 'inspector1'],
      ['乙组', 'inspector2'],
    ] as const) {
      const team = await admin.mutate<{ __typename: string; id: number }>(
        'createTeam',
        'InspectionTeam',
        `mutation ($r: Int!, $n: String!) { createTeam(roundId: $r, name: $n) { __typename ... on InspectionTeam { id } ... on AppError { message } } }`,
        { r: nextRoundId, n: name },
      )
      const { users } = await admin.request<{ users: { id: number; username: string }[] }>('{ users(role: INSPECTOR) { id username } }')
      await admin.mutate(
        'addTeamMember',
        'InspectionTeam',
        `mutation ($t: Int!, $u: Int!) { addTeamMember(teamId: $t, userId: $u, isLeader: true) { __typename ... on AppError { message } } }`,
        { t: team.id, u: users.find((u) => u.username === username)!.id },
      )
      teams.push(team.id)
    }
    const { orgs } = await admin.request<{ orgs: { id: number }[] }>('{ orgs(assessedOnly: true) { id } }')
    for (const org of orgs) {
      const teamId = org.id === branch1.id || org.id === branch2.id || org.id === inspectorHomes[1] ? teams[0] : teams[1]
      await admin.mutate(
        'assignTeam',
        'TeamAssignment',
        `mutation ($r: Int!, $o: Int!, $t: Int!) { assignTeam(roundId: $r, orgId: $o, teamId: $t) { __typename ... on AppError { message } } }`,
        { r: nextRoundId, o: org.id, t: teamId },
      )
    }
    await admin.mutate(
      'transitionRound',
      'InspectionRound',
      `mutation ($id: Int!) { transitionRound(id: $id, to: INSPECTING) { __typename ... on AppError { message } } }`,
      { id: nextRoundId },
    )
  })

  await journey.step('inspector1 verifies the item in the next round’s look-back', async () => {
    const sheet = await assessmentOf(branch1.id, nextRoundId)
    const row = await openSheet(inspector, NEXT_ROUND_NAME, sheet)
    await row.getByRole('button', { name: '进入评分' }).click()
    await inspector.waitForURL(new RegExp(`/workbench/${sheet}`))
    const lookBack = inspector.locator('[data-rectification-id]').filter({ hasText: confirmedText }).filter({ hasText: ROUND_NAME })
    await lookBack.waitFor()
    await shots(inspector, 'look-back')
    await lookBack.getByRole('button', { name: '核实销号' }).click()
    const dialog = inspector.getByRole('dialog')
    await dialog.getByRole('textbox').fill('现场查看培训台账，已按季度补齐。')
    await dialog.getByRole('button', { name: '确定' }).click()
    await lookBack.waitFor({ state: 'detached' })
  })

  await journey.step('leader finds the round on the dashboard and drills down to the finding', async () => {
    const leader = await person('leader')
    await menuEntry(leader, '领导看板').click()
    await leader.waitForURL(/\/dashboard/)
    const { assessment } = await admin.request<{ assessment: { category: string } }>(
      'query ($id: Int!) { assessment(id: $id) { category } }',
      { id: await assessmentOf(branch1.id) },
    )
    // The leader picks the round, area and category on the dashboard's pickers; the URL keeps them.
    const pick = async (picker: string, option: string) => {
      await leader.getByTestId(picker).click()
      await leader.locator('.n-base-select-menu').last().locator('.n-base-select-option').filter({ hasText: option }).first().click()
    }
    await pick('pick-area', AREA)
    await pick('pick-round', ROUND_NAME)
    await leader.getByTestId('pick-category').getByText(CATEGORY_LABEL[assessment.category]!, { exact: true }).click()
    await leader.waitForURL((url) => url.searchParams.get('round') === String(roundId) && url.searchParams.get('category') === assessment.category)
    await leader.getByRole('row', { name: `查看 ${branch1.name} 的失分明细` }).click()
    await leader.waitForURL(/\/dashboard\/assessments\/\d+/)
    await waitForText(leader.getByTestId('drilldown-summary'), branch1.name)
    await shots(leader, 'drilldown')
    // Dimension by dimension until the one holding the finding's indicator, then the indicator.
    const dimensions = leader.locator('tr[data-dimension-id]')
    const indicator = leader.locator(`tr[data-indicator-id="${findingIndicator}"]`)
    for (let i = 0; ; i++) {
      await dimensions.first().waitFor()
      expect(i).toBeLessThan(await dimensions.count())
      await dimensions.nth(i).click()
      await leader.waitForURL(/\/dimensions\/\d+/)
      await leader.locator('tr[data-indicator-id]').first().waitFor()
      if (await indicator.count()) break
      await leader.goBack()
    }
    await indicator.click()
    await leader.waitForURL(new RegExp(`/indicators/${findingIndicator}$`))
    const finding = leader.locator('.finding-card').filter({ hasText: confirmedText })
    await finding.waitFor()
    await finding.locator('[data-open-finding]').first().click()
    await leader.waitForURL(/\/findings\/\d+/)
    await leader.getByRole('heading', { name: '整改事项' }).waitFor()
    await waitForText(leader.locator('body'), '已销号')
    await shots(leader, 'finding')
  })

  await journey.step('no page made a request that was refused', () => {
    expect(refusals).toEqual([])
    return Promise.resolve()
  })
  // A whole quarter by five people on a loaded machine: far more than one journey's six minutes.
}, 40 * 60_000)
