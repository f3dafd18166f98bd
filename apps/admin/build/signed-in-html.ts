import type { Plugin, Rollup } from 'vite'

/** The page the server sends instead of `index.html` to a browser that holds a session cookie. */
export const SIGNED_IN_HTML = 'index.signed-in.html'

type BundleChunk = Rollup.OutputChunk

/** A chunk's file and every file it imports statically, transitively. */
function closure(chunk: BundleChunk, chunks: Map<string, BundleChunk>, files = new Set<string>()): Set<string> {
  if (files.has(chunk.fileName)) return files
  files.add(chunk.fileName)
  for (const name of chunk.imports) {
    const imported = chunks.get(name)
    if (imported) closure(imported, chunks, files)
  }
  return files
}

/**
 * A second copy of `index.html` that also preloads the signed-in layout's scripts (naive-ui's
 * `vendor` file above all). A deep link opened with a session (a bookmark, a link in a notice)
 * otherwise asks for them only once the entry has run and the session check has answered, half a
 * second in, and the page waits for them. The server chooses the copy by the session cookie's
 * presence (apps/api/src/http/static.ts), so the sign-in page of someone signed out never loads
 * them; a stale cookie costs a download the page after sign-in needs anyway.
 *
 * `inlineScript` runs as the page is parsed, before the entry has even downloaded: the session
 * check (build/early-session-script.ts), which the signed-in pages wait for.
 */
export function signedInHtml(layoutModule: string, inlineScript: string): Plugin {
  let base = '/'
  return {
    name: 'redblue:signed-in-html',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html']
        if (!html || html.type !== 'asset') return
        const chunks = new Map<string, BundleChunk>()
        for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item)
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry)
        const layout = [...chunks.values()].find((chunk) => chunk.facadeModuleId === layoutModule)
        if (!entry || !layout) return this.error(`signed-in-html: no ${entry ? 'chunk for ' + layoutModule : 'entry chunk'}`)
        const loaded = closure(entry, chunks)
        const links = [...closure(layout, chunks)]
          .filter((file) => !loaded.has(file))
          .map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`)
        const source = String(html.source)
        if (!source.includes('</head>')) return this.error('signed-in-html: index.html has no </head>')
        if (!source.includes('<script type="module"')) return this.error('signed-in-html: index.html has no module script')
        // The inline script goes before the stylesheet: a classic script after one waits for it.
        const page = source
          .replace('<script type="module"', `<script>${inlineScript}</script>\n    <script type="module"`)
          .replace('</head>', `  ${links.join('\n    ')}\n  </head>`)
        this.emitFile({ type: 'asset', fileName: SIGNED_IN_HTML, source: page })
      },
    },
  }
}
