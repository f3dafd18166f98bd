import { createApp } from 'vue'
import App from './App.vue'
import { withDiscrete } from './plugins/discrete-later'
import { setupI18n } from './plugins/i18n'
import { setupUrql } from './plugins/urql'
import { setupRouter } from './router'
import './styles/global.css'

async function bootstrap() {
  const app = createApp(App)
  setupI18n(app)
  setupUrql(app)
  await setupRouter(app)
  app.mount('#app')
  // Messages and dialogs right after the first page shows (see withDiscrete), never inside a guard.
  withDiscrete()
}

void bootstrap()
