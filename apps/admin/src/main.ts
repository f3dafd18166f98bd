import { createApp } from 'vue'
import App from './App.vue'
import { withDiscrete } from './plugins/discrete-later'
import { setupI18n } from './plugins/i18n'
import { setupUrql } from './plugins/urql'
import { setupRouter } from './router'
import { whenIdle } from './utils/whenIdle'
import './styles/global.css'

async function bootstrap() {
  const app = createApp(App)
  setupI18n(app)
  setupUrql(app)
  await setupRouter(app)
  app.mount('#app')
  // Messages and dialogs once the first page has shown and the browser is idle (see withDiscrete),
  // never inside a guard; code that needs them earlier asks for them itself.
  whenIdle(() => withDiscrete())
}

void bootstrap()
