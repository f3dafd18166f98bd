import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey, menuEntry, waitForText } from '../src/journey'
import { checkImport, withCategory } from '../src/orgs-template'
import { download } from '../src/xlsx'

/**
 * Journey 12 — Excel import: the admin downloads the orgs template (it holds the current orgs),
 * breaks one cell, uploads it: the dry run shows the row and the cell with its reason and nothing
 * is saved. The admin fixes the cell, uploads again, the check passes, the import runs and its
 * summary shows. The fixed file is the current data, so later journeys find the orgs unchanged.
 */
let journey: Journey

beforeAll(async () => {
  journey = await Journey.open('12-import', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

test('a wrong cell is refused with its reason; fixed, the file imports', async () => {
  const page = await journey.signIn('admin')
  const panel = page.getByTestId('import-orgs')

  const template = await journey.step('download the template', async () => {
    await menuEntry(page, 'Excel 导入').click()
    await panel.waitFor()
    const file = await download(page, panel.getByTestId('import-template'))
    expect(file.name).toMatch(/\.xlsx$/)
    return file.bytes
  })

  const broken = await withCategory(template, 'Ⅳ类')
  await journey.step('a file with a wrong cell is rejected, nothing saved', async () => {
    await checkImport(panel, '党组织-有误.xlsx', broken.bytes)
    await waitForText(panel.getByTestId('import-rejected'), /发现 \d+ 处问题/)
    await waitForText(panel.getByTestId('import-rejected'), '没有保存任何数据')
    const cell = panel.locator(`[data-cell="${broken.cell}"]`)
    await waitForText(cell, 'Ⅳ类')
    expect(await panel.getByTestId('import-apply').count()).toBe(0)
    await journey.shot(page, 'import-rejected')
  })

  await journey.step('the fixed file passes the check and imports', async () => {
    const fixed = await withCategory(template, null)
    expect(fixed.original).toMatch(/Ⅰ类|Ⅱ类|Ⅲ类/)
    await panel.getByRole('button', { name: '重新选择文件' }).click()
    await checkImport(panel, '党组织.xlsx', fixed.bytes)
    await waitForText(panel.getByTestId('import-ready'), /检查通过：共 \d+ 行/)
    await journey.shot(page, 'import-ready')
    await panel.getByTestId('import-apply').click()
    await waitForText(panel.getByTestId('import-done'), /共 \d+ 行：新增 0，更新 \d+/)
    await journey.shot(page, 'import-done')
  })
})
