import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { CURRENT_ROUND } from '../src/demo'
import { PDF_MINIMAL, PNG_1X1 } from '../src/files'
import { Journey, menuEntry, searchAndPick, waitForText } from '../src/journey'
import { advanceRound, findRound, type RoundRef } from '../src/workflow'

/**
 * Journey 5 — rolling close-out (滚动销号): the branch reports progress on an item the published
 * round opened, with evidence; the inspector returns it once from the ledger; the branch reports
 * again; the inspector verifies it; the admin's ledger shows it closed with its whole history.
 */
let journey: Journey
let round: RoundRef
let orgName = ''

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('05-rectification', baseUrl)
  // Journey 4 publishes the round; run alone, this file gets there through the API.
  const admin = await ApiSession.signIn(baseUrl, 'admin')
  round = await advanceRound(
    admin,
    await findRound(admin, CURRENT_ROUND.year, CURRENT_ROUND.quarter),
    'PUBLISHED',
  )
  const branch = await ApiSession.signIn(baseUrl, 'branch1')
  orgName = (await branch.request<{ me: { org: { name: string } } }>('{ me { org { name } } }')).me
    .org.name
})
afterAll(async () => {
  await journey?.close()
})

/** Opens the card's progress section (a naive-ui collapse) unless it is open already. */
async function openProgressForm(card: Locator): Promise<Locator> {
  const form = card.getByTestId('rectification-form')
  if (!(await form.isVisible()))
    await card.getByText('提交整改进展', { exact: true }).first().click()
  await form.waitFor()
  return form
}

/** Shows the items with one status (the page's filter, kept in the URL). */
async function filter(
  page: Page,
  label: '待整改' | '整改中' | '已退回' | '待验证' | '已销号' | '全部',
) {
  await page.getByRole('radio', { name: label, exact: true }).check({ force: true })
}

async function reportProgress(
  page: Page,
  card: Locator,
  note: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const form = await openProgressForm(card)
  await form.getByLabel('整改进展').fill(note)
  await form.getByTestId('progress-files').setInputFiles(file)
  await waitForText(form, file.name)
  await form.getByTestId('submit-progress').click()
  // Submitted, the item leaves the to-do list and waits for verification; the message says so.
  await waitForText(page.locator('.n-message').last(), '整改进展已提交，当前状态：待验证')
  await card.waitFor({ state: 'detached' })
  await filter(page, '待验证')
  await waitForText(card, '待验证')
  await card.getByText('整改记录', { exact: true }).click()
  await waitForText(card, note)
  await waitForText(card, file.name)
}

/**
 * Narrows a ledger (整改台账) to the org and this round — every round since 2021 is in it, deadline
 * first — and returns the item's row.
 */
async function ledgerRow(page: Page, id: number): Promise<Locator> {
  await menuEntry(page, '整改台账').click()
  await searchAndPick(page, page.getByRole('search').locator('.n-select').first(), orgName, orgName)
  await page.waitForURL(/[?&]org=\d+/)
  await page.getByRole('search').locator('.n-select').nth(1).click()
  await page.locator('.n-base-select-option').filter({ hasText: round.name }).first().click()
  await page.waitForURL(/[?&]round=\d+/)
  return page.locator(`tr[data-row-id="${id}"]`)
}

/** Opens the item's drawer from its ledger row. */
async function openDetail(page: Page, row: Locator, id: number): Promise<Locator> {
  await row.click()
  const detail = page.locator(`.rectification-detail[data-rectification-id="${id}"]`)
  await detail.waitFor()
  return detail
}

test('branch reports progress; inspector returns it once, then verifies; the ledger shows it closed', async () => {
  const branch = await journey.step('sign in as branch1', () => journey.signIn('branch1'))

  const item = await journey.step('pick an open item of the published round', async () => {
    await menuEntry(branch, '我的整改').click()
    const card = branch
      .locator('[data-rectification-id]')
      .filter({ hasText: round.name })
      .filter({ has: branch.getByText('整改中', { exact: true }) })
      .first()
    await card.waitFor()
    const id = Number(await card.getAttribute('data-rectification-id'))
    const title = (await card.locator('.title').innerText()).trim()
    await journey.shot(branch, 'my-rectifications')
    return { id, title, card: branch.locator(`[data-rectification-id="${id}"]`) }
  })

  await journey.step('branch reports progress with evidence', async () => {
    await reportProgress(
      branch,
      item.card,
      '已补选支部组织委员，调整党务人员分工，附支部大会决议。',
      {
        name: '支部大会决议.pdf',
        mimeType: 'application/pdf',
        buffer: PDF_MINIMAL,
      },
    )
    await journey.shot(branch, 'submitted')
  })

  const returnReason = '决议未盖章，请补充盖章扫描件后重新提交。'
  const inspector = await journey.step('sign in as inspector1', () => journey.signIn('inspector1'))
  await journey.step('inspector returns it from the ledger, with a reason', async () => {
    const row = await ledgerRow(inspector, item.id)
    await waitForText(row, '待验证')
    const detail = await openDetail(inspector, row, item.id)
    await detail.getByTestId('return-rectification').click()
    // Without a reason nothing is sent.
    await detail.getByTestId('review-confirm').click()
    await waitForText(detail, '请填写退回原因')
    await detail.getByLabel('退回原因').fill(returnReason)
    await journey.shot(inspector, 'return-form')
    await detail.getByLabel('退回原因').press('Control+Enter')
    await waitForText(inspector.locator('.n-message').last(), '已退回，等待党组织重新提交')
    // The drawer shows the new status and drops the actions; the row follows.
    await waitForText(detail.locator('.tags'), '已退回')
    await detail.getByTestId('rectification-review').waitFor({ state: 'detached' })
    await waitForText(row, '已退回')
    await journey.shot(inspector, 'returned-by-inspector')
  })

  await journey.step('branch sees it returned and reports again', async () => {
    await filter(branch, '待整改')
    await waitForText(item.card, '已退回')
    await waitForText(item.card, '退回 1 次')
    await waitForText(item.card, `最近退回原因：${returnReason}`)
    await journey.shot(branch, 'returned')
    await reportProgress(branch, item.card, '已补充盖章的支部大会决议扫描件。', {
      name: '决议盖章扫描件.png',
      mimeType: 'image/png',
      buffer: PNG_1X1,
    })
  })

  await journey.step('inspector verifies it from the ledger', async () => {
    // The inspector's ledger still shows the item as returned: reload it as it is now.
    await inspector.reload()
    const row = inspector.locator(`tr[data-row-id="${item.id}"]`)
    await waitForText(row, '待验证')
    const detail = await openDetail(inspector, row, item.id)
    await detail.getByTestId('verify-rectification').click()
    await detail.getByLabel('核验意见（可选）').fill('现场核实整改到位，予以销号。')
    await detail.getByTestId('review-confirm').click()
    await waitForText(inspector.locator('.n-message').last(), '已核验销号')
    await waitForText(detail.locator('.tags'), '已销号')
    await waitForText(row, '已销号')
    await journey.shot(inspector, 'verified-by-inspector')
    // Verified, it no longer waits on the branch's list (the closed list pages through every
    // round since 2021, oldest first; the ledger below shows the item itself).
    await branch.reload()
    expect(await branch.getByRole('radio', { name: '待验证', exact: true }).isChecked()).toBe(true)
    await branch.getByText(/^共 \d+ 项$/).waitFor()
    await expect.poll(() => item.card.count()).toBe(0)
    await journey.shot(branch, 'verified-branch')
  })

  await journey.step('the ledger shows it closed, with its history', async () => {
    const admin = await journey.signIn('admin')
    const row = await ledgerRow(admin, item.id)
    await waitForText(row, item.title)
    await waitForText(row, '已销号')
    await journey.shot(admin, 'ledger')
    const detail = await openDetail(admin, row, item.id)
    await waitForText(detail, '退回 1 次')
    const history = await waitForText(detail, '核验销号')
    for (const text of [
      '建立整改事项',
      '提交整改进展',
      '退回整改',
      returnReason,
      '支部大会决议.pdf',
      '决议盖章扫描件.png',
      '现场核实整改到位',
    ]) {
      expect(history).toContain(text)
    }
    expect(history.indexOf('退回整改')).toBeGreaterThan(-1)
    expect(await detail.locator('[data-event-type="SUBMITTED"]').count()).toBe(2)
    await journey.shot(admin, 'ledger-detail')
  })
})
