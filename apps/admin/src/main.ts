import { createApp } from 'vue'
import App from './App.vue'
import { discrete } from './plugins/discrete'
import { setupDiscreteApi } from './plugins/discrete'
import { setupI18n } from './plugins/i18n'
import { setupUrql } from './plugins/urql'
import { setupRouter } from './router'
import './styles/global.css'

async function bootstrap() {
  const app = createApp(App)
  setupI18n(app)
  setupDiscreteApi()
  setupUrql(app)
  // Create the discrete message/dialog app now, outside any app.runWithContext(): vue-router runs
  // guards inside the main app's context, and a discrete app first mounted there resolves inject()
  // against the main app's provides, so its providers are never found (blank page).
  discrete()
  await setupRouter(app)
  app.mount('#app')
}

void bootstrap()
