import { createApp } from 'vue'
import App from './App.vue'
import { setupDiscreteApi } from './plugins/discrete'
import { setupI18n } from './plugins/i18n'
import { setupUrql } from './plugins/urql'
import { setupRouter } from './router'
import './styles/global.css'

async function bootstrap() {
  const app = createApp(App)
  setupI18n(app)
  // Before the router: see setupDiscreteApi for why it must not first mount inside a guard.
  setupDiscreteApi()
  setupUrql(app)
  await setupRouter(app)
  app.mount('#app')
}

void bootstrap()
