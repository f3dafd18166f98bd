import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { CURRENT_ROUND } from '../src/demo'
import { PDF_MINIMAL, PNG_1X1 } from '../src/files'
import { Journey, waitForText } from '../src/journey'
import { advanceRound, findRound, type RoundRef } from '../src/workflow'

/**
 * Journey 5 — rolling close-out (滚动销号): the branch reports progress on an item the published
 * round opened, with evidence; the inspector returns it once; the branch reports again; the
 * inspector verifies it; the admin's ledger shows it closed with its whole history.
 */
let journey: Journey
let inspector: ApiSession
let round: RoundRef
let orgName = ''

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('05-rectification', baseUrl)
  inspector = await ApiSession.signIn(baseUrl, 'inspector1')
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
  // Submitted, the item leaves the to-do list and waits for verification.
  await card.waitFor({ state: 'detached' })
  await filter(page, '待验证')
  await waitForText(card, '待验证')
  await card.getByText('整改记录', { exact: true }).click()
  await waitForText(card, note)
  await waitForText(card, file.name)
}

/** The item as the API has it now (the inspector's steps need its version). */
async function current(id: number) {
  const { rectification } = await inspector.request<{
    rectification: { version: number; status: string }
  }>('query ($id: Int!) { rectification(id: $id) { version status } }', { id })
  return rectification
}

test('branch reports progress; inspector returns it once, then verifies; the ledger shows it closed', async () => {
  const branch = await journey.step('sign in as branch1', () => journey.signIn('branch1'))

  const item = await journey.step('pick an open item of the published round', async () => {
    await branch.getByRole('menuitem', { name: '我的整改' }).click()
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
  await journey.step('inspector returns it (API)', async () => {
    // The SPA has no inspector screen to verify or return an item outside the next round's
    // look-back (回头看) yet: the inspector acts through the API, as that screen would.
    const { version, status } = await current(item.id)
    expect(status).toBe('SUBMITTED')
    await inspector.mutate(
      'returnRectification',
      'Rectification',
      `mutation ($id: Int!, $version: Int!, $reason: String!) {
         returnRectification(id: $id, version: $version, reason: $reason) { __typename ... on AppError { message } } }`,
      { id: item.id, version, reason: returnReason },
    )
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

  await journey.step('inspector verifies it (API)', async () => {
    const { version, status } = await current(item.id)
    expect(status).toBe('SUBMITTED')
    await inspector.mutate(
      'verifyRectification',
      'Rectification',
      `mutation ($id: Int!, $version: Int!, $note: String) {
         verifyRectification(id: $id, version: $version, note: $note) { __typename ... on AppError { message } } }`,
      { id: item.id, version, note: '现场核实整改到位，予以销号。' },
    )
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
    await admin.getByRole('menuitem', { name: '整改台账' }).click()
    const orgPicker = admin.getByRole('search').locator('.n-select').first()
    await orgPicker.click()
    await admin.keyboard.type(orgName)
    await admin.locator('.n-base-select-option').filter({ hasText: orgName }).first().click()
    await admin.waitForURL(/[?&]org=\d+/)
    // Every round since 2021 is in the ledger, deadline first: narrow it to this round.
    await admin.getByRole('search').locator('.n-select').nth(1).click()
    await admin.locator('.n-base-select-option').filter({ hasText: round.name }).first().click()
    await admin.waitForURL(/[?&]round=\d+/)
    const row = admin.locator(`tr[data-row-id="${item.id}"]`)
    await waitForText(row, item.title)
    await waitForText(row, '已销号')
    await journey.shot(admin, 'ledger')
    await row.click()
    const detail = admin.locator(`.rectification-detail[data-rectification-id="${item.id}"]`)
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
