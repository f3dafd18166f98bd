import {
  AdjustmentReason,
  AssessmentStatus,
  CheckMethod,
  ListMark,
  OrgCategory,
  ReconciliationAction,
  ReconciliationStatus,
  RectificationEventType,
  RectificationSource,
  RectificationStatus,
  Role,
  RoundStatus,
  SchemeStatus,
  ScoringMethod,
  UnitType,
} from '@redblue/db'
import { builder } from '../builder'

/**
 * Every Prisma enum registered once, under the same name, so domain files reference them by ref
 * (or by name, e.g. `type: 'RoundStatus'`) without registering duplicates.
 */
export const UnitTypeEnum = builder.enumType(UnitType, { name: 'UnitType' })
export const OrgCategoryEnum = builder.enumType(OrgCategory, { name: 'OrgCategory' })
export const RoleEnum = builder.enumType(Role, { name: 'Role' })
export const SchemeStatusEnum = builder.enumType(SchemeStatus, { name: 'SchemeStatus' })
export const ScoringMethodEnum = builder.enumType(ScoringMethod, { name: 'ScoringMethod' })
export const RoundStatusEnum = builder.enumType(RoundStatus, { name: 'RoundStatus' })
export const CheckMethodEnum = builder.enumType(CheckMethod, { name: 'CheckMethod' })
export const ReconciliationStatusEnum = builder.enumType(ReconciliationStatus, {
  name: 'ReconciliationStatus',
})
export const ReconciliationActionEnum = builder.enumType(ReconciliationAction, {
  name: 'ReconciliationAction',
})
export const AssessmentStatusEnum = builder.enumType(AssessmentStatus, { name: 'AssessmentStatus' })
export const ListMarkEnum = builder.enumType(ListMark, { name: 'ListMark' })
export const AdjustmentReasonEnum = builder.enumType(AdjustmentReason, { name: 'AdjustmentReason' })
export const RectificationSourceEnum = builder.enumType(RectificationSource, {
  name: 'RectificationSource',
})
export const RectificationStatusEnum = builder.enumType(RectificationStatus, {
  name: 'RectificationStatus',
})
export const RectificationEventTypeEnum = builder.enumType(RectificationEventType, {
  name: 'RectificationEventType',
})
