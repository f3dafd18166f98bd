export { createApi, CSRF_HEADER, type Api, type CreateApiOptions } from './yoga'
export { schema } from './schema'
