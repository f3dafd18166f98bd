import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountWithApp } from '../../../../test/helpers'
import type { ImportRun } from '../lib/importReport'
import ImportPanel from './ImportPanel.vue'

type Preview = { sheet: string; columns: { key: string; header: string; letter: string | null }[]; rows: { row: number; values: (string | null)[]; errors: (string | null)[] }[] }[]

const report = (problems: { sheet: string; row: number | null; cell: string | null; column: string | null; value: string | null; message: string }[], applied = false, preview: Preview = []) => ({
  kind: 'orgs',
  fileName: '党组织.xlsx',
  dryRun: !applied,
  applied,
  rowCount: 31,
  created: 0,
  updated: applied ? 31 : 0,
  summary: applied ? '党组织 31 行：新增 0，更新 31' : '党组织 31 行',
  warnings: [],
  problems: problems.map((p) => ({ ...p, columnLetter: p.cell?.replace(/\d+/g, '') ?? null })),
  preview,
})

const COLUMNS = [
  { key: 'code', header: '编码', letter: 'A' },
  { key: 'name', header: '名称', letter: 'B' },
  { key: 'category', header: '类别', letter: 'I' },
]
/** Rows 2..n+1 of the 党组织 sheet; `wrong` maps a row to its wrong cells (column index → reason). */
function orgPreview(n: number, wrong: Record<number, Record<number, string>> = {}): Preview {
  return [
    {
      sheet: '党组织',
      columns: COLUMNS,
      rows: Array.from({ length: n }, (_, i) => {
        const row = i + 2
        return {
          row,
          values: [`G${String(row).padStart(2, '0')}`, `第${row}党支部`, row === 7 ? 'Ⅳ类' : 'Ⅱ类'],
          errors: COLUMNS.map((_c, col) => wrong[row]?.[col] ?? null),
        }
      }),
    },
  ]
}

function mountPanel(run: ImportRun) {
  return mountWithApp(ImportPanel, { props: { templateHref: '/files/template/orgs.xlsx?year=2026', run, testid: 'import-orgs' } })
}
type Wrapper = ReturnType<typeof mountPanel>

async function choose(wrapper: Wrapper, name = '党组织.xlsx') {
  const input = wrapper.get('[data-testid="import-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File(['x'], name)], configurable: true })
  await input.trigger('change')
}
async function check(wrapper: Wrapper) {
  await wrapper.get('[data-testid="import-check"]').trigger('click')
  await flushPromises()
}

describe('ImportPanel', () => {
  it('shows every wrong cell by row and offers no import while any is wrong', async () => {
    const run = vi.fn<ImportRun>().mockResolvedValue({
      report: report([
        { sheet: '党组织', row: 7, cell: 'I7', column: '类别', value: 'Ⅳ类', message: '“类别”应为 Ⅰ类、Ⅱ类、Ⅲ类 之一' },
        { sheet: '党组织', row: 7, cell: 'B7', column: '名称*', value: '', message: '名称不能为空' },
        { sheet: '党组织', row: 12, cell: 'A12', column: '编码*', value: 'G01', message: '编码重复' },
      ]),
    })
    const wrapper = mountPanel(run)
    await choose(wrapper)
    await check(wrapper)
    expect(run).toHaveBeenCalledTimes(1)
    expect(run.mock.calls[0]![1]).toBe(true)
    expect(wrapper.get('[data-testid="import-rejected"]').text()).toContain('发现 3 处问题')
    expect(wrapper.text()).toContain('没有保存任何数据')
    const rows = wrapper.findAll('[data-testid="import-problems"] tbody tr')
    expect(rows.map((r) => r.attributes('data-row'))).toEqual(['7', '12'])
    // Cells of a row left to right, each with its column, value and reason.
    expect(rows[0]!.findAll('[data-cell]').map((c) => c.attributes('data-cell'))).toEqual(['B7', 'I7'])
    expect(rows[0]!.get('[data-cell="I7"]').text()).toContain('Ⅳ类')
    expect(rows[0]!.get('[data-cell="I7"]').text()).toContain('“类别”应为 Ⅰ类、Ⅱ类、Ⅲ类 之一')
    expect(wrapper.find('[data-testid="import-apply"]').exists()).toBe(false)
  })

  it('imports the checked file after a clean dry run and shows the summary', async () => {
    const run = vi.fn<ImportRun>().mockImplementation((_file, dryRun) => Promise.resolve({ report: report([], !dryRun) }))
    const wrapper = mountPanel(run)
    await choose(wrapper)
    await check(wrapper)
    expect(wrapper.get('[data-testid="import-ready"]').text()).toContain('检查通过：共 31 行')
    await wrapper.get('[data-testid="import-apply"]').trigger('click')
    await flushPromises()
    expect(run).toHaveBeenCalledTimes(2)
    expect(run.mock.calls[1]![1]).toBe(false)
    expect(run.mock.calls[1]![0]).toBe(run.mock.calls[0]![0])
    expect(wrapper.get('[data-testid="import-done"]').text()).toContain('共 31 行：新增 0，更新 31')
    expect(wrapper.emitted('imported')).toHaveLength(1)
  })

  it('previews every row with the wrong cells marked, and can show only the rows with problems', async () => {
    const problems = [
      { sheet: '党组织', row: 7, cell: 'I7', column: '类别', value: 'Ⅳ类', message: '“类别”应为 Ⅰ类、Ⅱ类、Ⅲ类 之一' },
      { sheet: '党组织', row: 12, cell: 'A12', column: '编码', value: 'G12', message: '编码“G12”与第 3 行重复' },
    ]
    const preview = orgPreview(30, { 7: { 2: problems[0]!.message }, 12: { 0: problems[1]!.message } })
    const run = vi.fn<ImportRun>().mockResolvedValue({ report: report(problems, false, preview) })
    const wrapper = mountPanel(run)
    await choose(wrapper)
    await check(wrapper)

    const section = wrapper.get('[data-preview-sheet="党组织"]')
    expect(section.get('[data-testid="preview-count"]').text()).toBe('共 30 行，其中 2 行有问题')
    const headers = section.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(['行', 'A编码', 'B名称', 'I类别'])
    // The first page: rows 2–21 of the file, the clean ones too, in file order.
    const rows = () => section.findAll('tbody tr').map((tr) => Number(tr.attributes('data-preview-row')))
    expect(rows()).toEqual(Array.from({ length: 20 }, (_, i) => i + 2))
    const bad = section.get('[data-preview-cell="I7"]')
    expect(bad.classes()).toContain('bad')
    expect(bad.text()).toContain('Ⅳ类')
    expect(bad.text()).toContain('“类别”应为 Ⅰ类、Ⅱ类、Ⅲ类 之一')
    expect(section.get('[data-preview-row="7"]').classes()).toContain('wrong')
    expect(section.get('[data-preview-cell="B7"]').classes()).not.toContain('bad')
    expect(section.get('[data-preview-row="8"]').classes()).not.toContain('wrong')
    expect(section.findAll('td.bad')).toHaveLength(2)

    // Only the rows with problems.
    await section.get('[data-testid="preview-only-problems"]').trigger('click')
    expect(rows()).toEqual([7, 12])
    expect(section.get('[data-preview-cell="A12"]').text()).toContain('编码“G12”与第 3 行重复')
    expect(wrapper.find('[data-testid="import-apply"]').exists()).toBe(false)
  })

  it('previews a clean file before it is imported', async () => {
    const run = vi.fn<ImportRun>().mockResolvedValue({ report: report([], false, orgPreview(5)) })
    const wrapper = mountPanel(run)
    await choose(wrapper)
    await check(wrapper)
    expect(wrapper.get('[data-testid="preview-count"]').text()).toBe('共 5 行，其中 0 行有问题')
    expect(wrapper.findAll('[data-testid="import-preview"] tbody tr')).toHaveLength(5)
    expect(wrapper.find('td.bad').exists()).toBe(false)
    expect(wrapper.find('[data-testid="preview-only-problems"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="import-apply"]').exists()).toBe(true)
  })

  it('refuses a file that is not a workbook before sending it', async () => {
    const run = vi.fn<ImportRun>()
    const wrapper = mountPanel(run)
    await choose(wrapper, '党组织.csv')
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain('请选择 .xlsx 格式的 Excel 文件')
    expect(wrapper.get('[data-testid="import-check"]').attributes('disabled')).toBeDefined()
    expect(run).not.toHaveBeenCalled()
  })
})
