import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { CURRENT_ROUND } from '../src/demo'
import { cents, fromCents } from '../src/files'
import { Journey, menuEntry, waitForText } from '../src/journey'
import { completeInputs, findRound, finishInspection, type RoundRef } from '../src/workflow'

/**
 * Journey 3 — reconciliation (核对问题清单). The inspection ends (inspector1 submits the org's
 * assessment, the admin moves the round to 核对中), the branch confirms one finding and disputes
 * another, the admin withdraws the disputed one, and the org's score gets those points back.
 */
const AREA = '基层党建'

let journey: Journey
let admin: ApiSession
let round: RoundRef
let org = { id: 0, name: '' }
let assessmentId = 0

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('03-reconciliation', baseUrl)
  admin = await ApiSession.signIn(baseUrl, 'admin')
  round = await findRound(admin, CURRENT_ROUND.year, CURRENT_ROUND.quarter)
  const branch = await ApiSession.signIn(baseUrl, 'branch1')
  org = (
    await branch.request<{ me: { org: { id: number; name: string } } }>(
      '{ me { org { id name } } }',
    )
  ).me.org
  const { assessments } = await admin.request<{
    assessments: { id: number; area: { name: string } }[]
  }>(
    `query ($roundId: Int!, $orgId: Int!) { assessments(roundId: $roundId, orgId: $orgId) { id area { name } } }`,
    { roundId: round.id, orgId: org.id },
  )
  assessmentId = assessments.find((a) => a.area.name === AREA)!.id
})
afterAll(async () => {
  await journey?.close()
})

const readTotal = async (page: Page) => cents(await page.getByTestId('live-total').innerText())

test('branch confirms one finding and disputes another; admin withdraws it; the score follows', async () => {
  await journey.step('the other teams finish inspecting (API)', async () => {
    if (round.status !== 'INSPECTING') return
    // Not a browser step: ~90 assessments of the other orgs and teams, each rated and submitted,
    // would take this suite far too long by hand; the journey is about this one org.
    await finishInspection(admin, round.id, [assessmentId])
    // This org's graded indicators a previous journey may have left unrated.
    await completeInputs(admin, assessmentId)
  })

  await journey.step('inspector1 submits the org’s assessment', async () => {
    if (round.status !== 'INSPECTING') return
    const page = await journey.signIn('inspector1')
    await page.goto(`/workbench/${assessmentId}`)
    await page.getByRole('heading', { name: org.name }).waitFor()
    const { assessment } = await admin.request<{ assessment: { status: string } }>(
      'query ($id: Int!) { assessment(id: $id) { status } }',
      { id: assessmentId },
    )
    if (assessment.status !== 'SUBMITTED') {
      await page.getByTestId('submit-assessment').click()
      // Submitting locks the sheet: the dialog says so before anything is sent.
      const confirm = page.getByRole('dialog')
      await waitForText(confirm, '提交后以下评分将锁定')
      await confirm.getByRole('button', { name: '提交评分' }).click()
    }
    await page.getByText('已提交', { exact: true }).first().waitFor()
    await journey.shot(page, 'submitted')
    await page.context().close()
  })

  const adminPage = await journey.step('sign in as admin', () => journey.signIn('admin'))

  await journey.step('admin moves the round to 核对中', async () => {
    await menuEntry(adminPage, '检查轮次').click()
    await adminPage.getByRole('link', { name: round.name }).click()
    await adminPage.getByRole('heading', { name: round.name }).waitFor()
    // naive-ui tabs carry no tab role: find the tab by its label.
    await adminPage.getByText('状态流转', { exact: true }).click()
    if (round.status === 'INSPECTING') {
      await adminPage.getByTestId('round-transition').click()
      const dialog = adminPage.getByRole('dialog')
      await waitForText(dialog, '确认将本轮次转为“核对中”？')
      await waitForText(dialog, '评分与问题锁定')
      await journey.shot(adminPage, 'transition-dialog')
      await dialog.getByRole('button', { name: '确定' }).click()
      await dialog.waitFor({ state: 'hidden' })
    }
    // The history records the step, and the next one offered is publication.
    await adminPage.getByText('检查中 → 核对中').waitFor()
    await waitForText(adminPage.getByTestId('round-transition'), '转为“已发布”')
    await journey.shot(adminPage, 'reconciling')
  })

  let total = 0
  await journey.step('admin notes the org’s live score', async () => {
    await adminPage.goto(`/workbench/${assessmentId}`)
    await adminPage.getByRole('heading', { name: org.name }).waitFor()
    total = await readTotal(adminPage)
  })

  const branch = await journey.step('sign in as branch1', () => journey.signIn('branch1'))
  const card = branch.locator('[data-round-id]').filter({ hasText: round.name })
  const pending = card
    .locator('[data-finding-id]')
    .filter({ has: branch.locator('[data-action=confirm]') })

  const confirmed = await journey.step('branch confirms the first finding', async () => {
    await menuEntry(branch, '问题核对').click()
    await waitForText(card, '核对中')
    const before = Number(/待核对 (\d+) 条/.exec(await waitForText(card, /待核对 \d+ 条/))![1])
    expect(before).toBeGreaterThanOrEqual(2)
    await journey.shot(branch, 'to-reconcile')
    const item = pending.first()
    const id = await item.getAttribute('data-finding-id')
    await item.locator('[data-action=confirm]').click()
    const dialog = branch.getByRole('dialog')
    await waitForText(dialog, '确认该问题属实？')
    await dialog.getByRole('button', { name: '确认' }).click()
    const done = card.locator(`[data-finding-id="${id}"]`)
    await waitForText(done, '已确认')
    await waitForText(done, '罗小军 · 确认')
    await waitForText(card, `待核对 ${before - 1} 条`)
    return id!
  })

  const disputed = await journey.step('branch disputes another finding', async () => {
    const item = pending
      .filter({ hasNot: branch.locator(`[data-finding-id="${confirmed}"]`) })
      .first()
    const id = (await item.getAttribute('data-finding-id'))!
    const description = (await item.locator('.text').innerText()).trim()
    const deduction = Math.abs(cents(await item.getByText(/^−\d/).first().innerText()))
    await item.locator('[data-action=dispute]').click()
    const dialog = branch.getByRole('dialog')
    await waitForText(dialog, '对问题提出异议')
    await waitForText(dialog, description)
    // No reason, no dispute.
    await dialog.getByRole('button', { name: '提出异议' }).click()
    await waitForText(dialog, '请填写异议理由')
    await dialog
      .getByLabel('异议理由')
      .fill('该项工作已于检查前完成整改，相关台账见支部会议记录第 12 页。')
    await journey.shot(branch, 'dispute-dialog')
    await dialog.getByRole('button', { name: '提出异议' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await waitForText(card.locator(`[data-finding-id="${id}"]`), '有异议')
    await journey.shot(branch, 'reconciled')
    return { id, description, deduction }
  })

  await journey.step('admin withdraws the disputed finding', async () => {
    await menuEntry(adminPage, '争议处理').click()
    const item = adminPage.locator(`[data-finding-id="${disputed.id}"]`)
    await waitForText(item, disputed.description)
    await waitForText(item, '该项工作已于检查前完成整改')
    await waitForText(item, org.name)
    await journey.shot(adminPage, 'dispute-queue')
    await item.getByRole('button', { name: '撤销问题' }).click()
    const dialog = adminPage.getByRole('dialog')
    await dialog.getByPlaceholder('处理意见').fill('经核实，整改在检查前已完成，撤销该问题。')
    await dialog.getByRole('button', { name: '确定' }).click()
    await item.waitFor({ state: 'detached' })
    await journey.shot(adminPage, 'dispute-resolved')
  })

  await journey.step('the score gets the withdrawn points back', async () => {
    await adminPage.goto(`/workbench/${assessmentId}`)
    await adminPage.getByRole('heading', { name: org.name }).waitFor()
    await expect.poll(() => readTotal(adminPage)).toBe(total + disputed.deduction)
    await waitForText(adminPage.getByTestId('live-total'), fromCents(total + disputed.deduction))
    await journey.shot(adminPage, 'score-after')
    // The branch sees the outcome on its list.
    await branch.reload()
    await waitForText(card.locator(`[data-finding-id="${disputed.id}"]`), '已撤销')
    await journey.shot(branch, 'withdrawn')
  })
})
