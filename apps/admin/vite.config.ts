import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { chunkGroups } from './build/chunk-groups'
import { graphqlDocuments } from './build/graphql-documents'
import { precompiledMessages } from './build/precompiled-messages'
import { precompress } from './build/precompress'
import { signedInHtml } from './build/signed-in-html'
import { earlySessionScript } from './build/early-session-script'
import { prerenderedSignIn } from './build/prerendered-sign-in'

export default defineConfig(({ command }) => ({
  plugins: [
    // Without the options API: neither the app (script setup) nor its libraries declare component
    // options, yet with it every component instance merged them at setup (2–5% of a first load).
    vue({ features: { optionsAPI: false } }),
    graphqlDocuments(fileURLToPath(new URL('./src/generated', import.meta.url))),
    precompiledMessages(fileURLToPath(new URL('./src/locales/', import.meta.url))),
    signedInHtml(fileURLToPath(new URL('./src/layouts/BasicLayout.vue', import.meta.url)), earlySessionScript()),
    // After signedInHtml: the signed-in copy is made without the form.
    prerenderedSignIn('/src/features/auth/prerender.ts'),
    precompress(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    // vue-i18n: composition API only, no devtools hooks in production bundles.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    // The build compiles the catalogs' messages (build/precompiled-messages.ts): no compiler. The
    // dev server serves them as strings and keeps it.
    __INTLIFY_DROP_MESSAGE_COMPILER__: command === 'build',
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true },
      '/files': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
  build: {
    // scripts/size.ts reads the manifest to total each route's chunks.
    manifest: true,
    target: 'es2022',
    // The libraries shared by every signed-in page are one file on purpose (build/chunk-groups.ts).
    chunkSizeWarningLimit: 1000,
    // One stylesheet for the whole app (~7 KB compressed), loaded with the entry: per-chunk CSS
    // files added a dozen requests to every page for a few hundred bytes each.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: chunkGroups() },
      },
    },
  },
}))
