import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mountStyles } from '@/router/guards/route-styles'
import parts, { sharedStyles } from './shared-styles'

// The suite runs from the app's folder (vitest.config.ts); happy-dom's import.meta.url is no file URL.
const SRC = join(process.cwd(), 'src')

/** Every naive-ui component a source file (not a test) imports, with the files importing it. */
function importedComponents(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (/\.(vue|ts)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        for (const [, names] of readFileSync(path, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'naive-ui'/g)) {
          for (const name of names?.match(/\bN[A-Z]\w*/g) ?? []) found.set(name, [...(found.get(name) ?? []), relative(SRC, path)])
        }
      }
    }
  }
  visit(SRC)
  return found
}

/**
 * Not mounted ahead: the app's shell and the layout (on screen by then, layouts/styles.ts), and the
 * large components that live in files of their own, loaded by the few pages that use them
 * (build/chunk-groups.ts).
 */
const NOT_AHEAD = new Set([
  ...['NConfigProvider', 'NGlobalStyle', 'NLayout', 'NLayoutSider', 'NLayoutHeader', 'NLayoutContent', 'NBadge'],
  ...['NDatePicker', 'NTimePicker', 'NTreeSelect', 'NTabs', 'NTabPane'],
])

const mounted = () => new Set([...document.head.querySelectorAll('style[cssr-id]')].map((style) => style.getAttribute('cssr-id')))

describe('the stylesheets the signed-in pages share', () => {
  it('cover every naive-ui component a page imports, but for the shell and the separately loaded ones', () => {
    const imported = importedComponents()
    expect(imported.get('NDataTable')).toBeDefined()
    const missing = [...imported].filter(([name]) => !NOT_AHEAD.has(name) && !(name in sharedStyles))
    expect(missing, 'add these to layouts/shared-styles.ts').toEqual([])
  })

  it('are put in the head by rendering the parts, with nothing drawn', () => {
    for (const part of parts) mountStyles(part)
    const ids = mounted()
    for (const id of ['n-data-table', 'n-pagination', 'n-select', 'n-internal-selection', 'n-button', 'n-input', 'n-modal', 'n-drawer', 'n-collapse', 'n-tag', 'n-radio-group', 'n-popover', 'n-timeline', 'n-descriptions'])
      expect(ids, id).toContain(id)
    expect(document.body.innerHTML).toBe('')
  })
})
