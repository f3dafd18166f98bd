import { createServer, type Plugin } from 'vite'
import type { AppLocale } from '../src/plugins/i18n'
import type { ThemeMode } from '../src/store/theme'
import type * as Prerender from '../src/features/auth/prerender'
import { SUBMITTED_ATTRIBUTE } from '../src/features/auth/prerendered-form'
import { LOCALE_STORAGE_KEY, savedLocale, savedTheme, THEME_STORAGE_KEY } from '../src/store/saved-preferences'

const LOCALES: AppLocale[] = ['zh-CN', 'en-US']
const THEMES: ThemeMode[] = ['light', 'dark']
/** The template holding the form in a language and theme is this, the language's tag, `-`, the theme. */
const TEMPLATE_ID = 'prerendered-sign-in-'

interface Prerendered {
  /** The page by `${locale}-${theme}`. */
  pages: Record<string, string>
  body: Record<'light' | 'dark', Prerender.BodyStyle>
}

/** `<` escaped: the text sits inside a <script> element, which `</script>` would end. */
const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * The sign-in form in index.html itself, so that a signed-out visit shows it as soon as the page is
 * parsed instead of once the app's scripts have downloaded and run; the app then mounts over it
 * with the same form and keeps what was typed (src/features/auth/prerendered-form.ts).
 *
 * - The page is rendered by Vue's server renderer from SignInPage.vue itself, in each language and
 *   theme, in Node at build time (`renderModule`, loaded through a Vite server of this same config so its
 *   scoped styles get the same ids as in the client build: checked against the built stylesheet).
 * - Each sits in a `<template>`; a script after `#app` shows the saved language and theme, only on
 *   the paths where a signed-out visit lands on sign-in (`/`, `/sign-in`), and holds back a submit
 *   made before the app runs (a form without a script would send the password in the URL).
 * - The head gets the theme (`data-theme`, decided by the theme store's own reader) and the body's
 *   look that naive-ui gives it once the app runs, so nothing moves or changes colour at mount.
 *   Both copies of index.html get these (signed-in-html.ts copies it after); only index.html gets
 *   the form, since a signed-in visit never shows it.
 * - index.html holds the app's stylesheet itself instead of linking it: the script that shows the
 *   form waited for the stylesheet's request (a classic script after a stylesheet does), ~26 ms of
 *   sign-in's ~160. The signed-in copy links the file, which the browser caches across visits.
 * - index.html asks for the app's scripts from that same script, on the sign-in paths in the frame
 *   that first draws the form: a module script in the head (and its preloads) arrived and ran
 *   before the first frame, holding the form back ~50 ms of ~150. The app mounts about as soon as
 *   before (the entry's preloads are asked for beside it), unseen: the form is already there, keeps
 *   what is typed and holds back a submit. On other paths the scripts are asked for at once. The
 *   signed-in copy keeps the head's tags.
 */
export function prerenderedSignIn(renderModule: string): Plugin {
  let configFile: string | undefined
  let base = '/'
  let prerendered: Promise<Prerendered> | undefined

  async function render(): Promise<Prerendered> {
    const server = await createServer({
      configFile,
      logLevel: 'error',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    })
    try {
      const module = (await server.ssrLoadModule(renderModule)) as typeof Prerender
      const pages: Record<string, string> = {}
      for (const locale of LOCALES) {
        for (const theme of THEMES) pages[`${locale}-${theme}`] = await module.renderSignInPage(locale, theme)
      }
      return { pages, body: module.bodyStyles() }
    } finally {
      await server.close()
    }
  }

  return {
    name: 'redblue:prerendered-sign-in',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      configFile = config.configFile
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      async handler() {
        const { body } = await (prerendered ??= render())
        return [
          { tag: 'script', children: themeScript(), injectTo: 'head-prepend' },
          { tag: 'style', children: bodyCss(body), injectTo: 'head-prepend' },
        ]
      },
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const html = bundle['index.html']
        if (!html || html.type !== 'asset') return
        const { pages } = await (prerendered ??= render())
        const css = Object.values(bundle)
          .filter((item) => item.type === 'asset' && item.fileName.endsWith('.css'))
          .map((item) => (item.type === 'asset' ? String(item.source) : ''))
          .join('\n')
        for (const page of Object.values(pages)) {
          for (const [scope] of page.matchAll(/data-v-[0-9a-f]{8}/g)) {
            if (!css.includes(`[${scope}]`)) {
              return this.error(`prerendered-sign-in: ${scope} is in the rendered page but not in the built stylesheet`)
            }
          }
        }
        const source = String(html.source)
        const mount = '<div id="app"></div>'
        if (!source.includes(mount)) return this.error(`prerendered-sign-in: index.html has no ${mount}`)
        const templates = Object.entries(pages).map(([key, page]) => `<template id="${TEMPLATE_ID}${key}">${page}</template>`)
        const link = /<link rel="stylesheet" crossorigin href="([^"]+)">/.exec(source)
        const stylesheet = link ? bundle[(link[1] ?? '').slice(base.length)] : undefined
        if (!link || stylesheet?.type !== 'asset') return this.error('prerendered-sign-in: index.html links no stylesheet of the build')
        const styles = String(stylesheet.source)
        if (styles.includes('</style')) return this.error('prerendered-sign-in: the stylesheet would end its <style> element')
        const entry = ENTRY_SCRIPT.exec(source)
        if (!entry?.[1]) return this.error('prerendered-sign-in: index.html has no module script')
        const preloads = [...source.matchAll(MODULE_PRELOAD)]
        const scripts: AppScripts = { entry: entry[1], preloads: preloads.map((m) => m[1] ?? '') }
        let page = source.replace(link[0], `<style>${styles}</style>`).replace(entry[0], '')
        for (const [tag] of preloads) page = page.replace(tag, '')
        html.source = page.replace(mount, `${mount}\n    ${templates.join('\n    ')}\n    <script>${formScript(base, scripts)}</script>`)
      },
    },
  }
}

/** Sets `data-theme` on the root before the first paint, as the theme store will. */
function themeScript(): string {
  return `document.documentElement.dataset.theme=(${savedTheme.toString()})(${json(THEME_STORAGE_KEY)})`
}

/** The body's look in each theme, as naive-ui's NGlobalStyle will set it. */
function bodyCss(body: Record<'light' | 'dark', Prerender.BodyStyle>): string {
  const rules = (style: Prerender.BodyStyle) =>
    Object.entries(style)
      .map(([property, value]) => `${property}:${value}`)
      .join(';')
  return `body{${rules(body.light)}}:root[data-theme=dark] body{${rules(body.dark)}}`
}

/** The app's entry script in Vite's index.html, and the files it preloads beside it. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g

interface AppScripts {
  entry: string
  preloads: string[]
}

/**
 * Shows the form in the saved language on the sign-in paths, holds back an early submit, and asks
 * for the app's scripts: in the frame that draws the form there, at once elsewhere. A hidden tab
 * draws no frames: a timer asks for them then.
 */
function formScript(base: string, scripts: AppScripts): string {
  const paths = [base, `${base}sign-in`]
  return (
    `(function(){var d=document,asked=false;function load(){if(asked)return;asked=true;` +
    `${json(scripts.preloads)}.forEach(function(h){var p=d.createElement("link");p.rel="modulepreload";p.crossOrigin="";p.href=h;d.head.appendChild(p)});` +
    `var s=d.createElement("script");s.type="module";s.crossOrigin="";s.src=${json(scripts.entry)};d.head.appendChild(s)}` +
    `if(${json(paths)}.indexOf(location.pathname)<0)return load();` +
    `var l=(${savedLocale.toString()})(${json(LOCALE_STORAGE_KEY)}),` +
    `t=d.getElementById(${json(TEMPLATE_ID)}+l+"-"+d.documentElement.dataset.theme),a=d.getElementById("app");` +
    `if(!t||!a)return load();a.appendChild(t.content.cloneNode(true));d.documentElement.lang=l;` +
    `var f=a.querySelector("form");if(f)f.addEventListener("submit",function(e){e.preventDefault();f.setAttribute(${json(SUBMITTED_ATTRIBUTE)},"")});` +
    `requestAnimationFrame(load);setTimeout(load,${HIDDEN_TAB_LOAD_MS})})()`
  )
}

/**
 * A hidden tab draws no frames: past this the scripts are asked for anyway (a first frame slower
 * than this only means they are asked for before it, as from the head).
 */
const HIDDEN_TAB_LOAD_MS = 250
