export { runImport, type ImportFile, type ImportKind, type ImportReport } from './common'
export { importFindings } from './findings'
export { importSchemeIndicators } from './indicators'
export { importOrgs } from './orgs'
