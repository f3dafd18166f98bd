import { createApp } from 'vue'
import App from './App.vue'
import { withDiscrete } from './plugins/discrete-later'
import { setupI18n } from './plugins/i18n'
import { setupUrql } from './plugins/urql'
import { setupRouter } from './router'
import { keepPrerenderedInput } from './features/auth/prerendered-form'
import { whenIdle } from './utils/whenIdle'
import './styles/global.css'

/** Resolves once the browser has painted what the page holds now. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
}

async function bootstrap() {
  const root = document.getElementById('app')
  if (!root) throw new Error('index.html has no #app')
  // The sign-in form index.html may already hold is painted first: the browser runs the scripts as
  // soon as the page is parsed, and would otherwise paint nothing until the app had mounted.
  if (root.firstElementChild) await afterPaint()
  const app = createApp(App)
  setupI18n(app)
  setupUrql(app)
  await setupRouter(app)
  // The sign-in form index.html may already show: what was typed into it goes to the app's form.
  const keep = keepPrerenderedInput(root)
  app.mount(root)
  keep()
  // Messages and dialogs once the first page has shown and the browser is idle (see withDiscrete),
  // never inside a guard; code that needs them earlier asks for them itself.
  whenIdle(() => withDiscrete())
}

void bootstrap()
