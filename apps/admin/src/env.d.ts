/// <reference types="vite/client" />

// Lets type-aware lint of .ts files see .vue imports; vue-tsc resolves the real components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
