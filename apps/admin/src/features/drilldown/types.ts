import type { AssessmentDrilldownQuery } from '@/generated/graphql'

export type Drilldown = AssessmentDrilldownQuery['assessmentDrilldown']
export type DrilldownDimension = Drilldown['dimensions'][number]
export type DrilldownIndicator = Drilldown['indicators'][number]
export type DrilldownFinding = DrilldownIndicator['findings'][number]
export type DrilldownRectification = DrilldownIndicator['rectifications'][number]
