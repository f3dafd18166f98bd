import { required } from '@redblue/scoring'
import type { OrgCategory, ScoringMethod, UnitType } from '../generated/prisma/enums'

/** The three work areas of the board (看板范围). The main one has the full eight-dimension scheme. */
export const AREAS = [
  { code: 'PARTY_BUILDING', name: '基层党建', sortOrder: 1 },
  { code: 'INTEGRITY', name: '党风廉政', sortOrder: 2 },
  { code: 'PUBLICITY', name: '宣传工作', sortOrder: 3 },
] as const

export type AreaCode = (typeof AREAS)[number]['code']
export const MAIN_AREA: AreaCode = 'PARTY_BUILDING'

export const SCHEME_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const
/** The board was widened to integrity and publicity work from 2022 (source: "看板范围拓宽"). */
export const AREA_FROM_YEAR: Record<AreaCode, number> = {
  PARTY_BUILDING: 2021,
  INTEGRITY: 2022,
  PUBLICITY: 2022,
}
/** Integration degree (融合度) entered the scheme in 2022 (source: "今年将……'融合度'纳入考评范畴"). */
const INTEGRATION_FROM_YEAR = 2022


type PerCategory = Record<OrgCategory, string>
const same = (points: string): PerCategory => ({ I: points, II: points, III: points })

export interface IndicatorSeed {
  code: string
  name: string
  method: ScoringMethod
  /** Max per category; a category missing here does not have the indicator. */
  max: Partial<PerCategory>
  evaluationStandard: string
  scoringGuide: string
  /** Code of the five-standardizations SharedIndicator it reuses. */
  shared?: string
  unitTypeRestriction?: UnitType
  target?: string
  targetUnit?: string
  defaultDeduction?: string
  fromYear?: number
}

export interface DimensionSeed {
  code: string
  name: string
  max: PerCategory
  indicators: IndicatorSeed[]
}

export interface AreaSchemeSeed {
  name: string
  bonusCap: PerCategory
  dimensions: DimensionSeed[]
  bonus: IndicatorSeed[]
}

/** 五个标准化: defined once per (year, area), linked from every category's scheme. */
export const SHARED_INDICATORS: readonly {
  code: string
  name: string
  evaluationStandard: string
  scoringGuide: string
}[] = [
  {
    code: 'STD-ORG',
    name: '组织建设标准化',
    evaluationStandard: '支部设置规范，按期换届，支委会配备齐全、分工明确，议事决策程序规范。',
    scoringGuide: '每发现一处问题扣0.2—0.5分，扣完为止。',
  },
  {
    code: 'STD-LIFE',
    name: '组织生活标准化',
    evaluationStandard: '严格落实“三会一课”、主题党日、组织生活会、民主评议党员和谈心谈话制度。',
    scoringGuide: '未按要求开展的每项扣0.5分，开展不规范的每处扣0.2分。',
  },
  {
    code: 'STD-MEM',
    name: '党员管理标准化',
    evaluationStandard: '党员发展、组织关系转接、党费收缴使用、党员档案管理规范有序。',
    scoringGuide: '程序不规范的每处扣0.3分，党费未按时足额收缴的扣0.5分。',
  },
  {
    code: 'STD-LEDGER',
    name: '信息台账标准化',
    evaluationStandard: '党建信息化系统数据及时准确，会议记录、工作台账完整规范。',
    scoringGuide: '台账缺失或系统更新不及时的每处扣0.2分。',
  },
  {
    code: 'STD-SITE',
    name: '活动阵地标准化',
    evaluationStandard: '党员活动室、党建园地建设达标，设施完好，使用规范。',
    scoringGuide: '阵地不达标的扣0.5分，使用管理不规范的每处扣0.2分。',
  },
]

const sharedIndicator = (code: string, max: Partial<PerCategory>): IndicatorSeed => {
  const s = required(SHARED_INDICATORS.find((x) => x.code === code), `shared indicator ${code}`)
  return {
    code,
    name: s.name,
    method: 'DEDUCTION',
    max,
    evaluationStandard: s.evaluationStandard,
    scoringGuide: s.scoringGuide,
    shared: code,
    defaultDeduction: '0.20',
  }
}

/**
 * 《基层党建工作季度差异化积分考核评价实施方案》: eight dimensions, 100 points, per-category
 * emphasis — category III weighs organization building heavier, category I political building
 * and responsibility — plus the bonus indicators outside the 100.
 */
export const PARTY_BUILDING_SCHEME: AreaSchemeSeed = {
  name: '基层党建工作季度差异化积分考核评价实施方案',
  bonusCap: { I: '3.00', II: '3.00', III: '2.50' },
  dimensions: [
    {
      code: 'POL',
      name: '政治建设',
      max: { I: '15.00', II: '14.00', III: '12.00' },
      indicators: [
        {
          code: 'PB-POL-1',
          name: '“第一议题”和理论学习',
          method: 'DEDUCTION',
          max: { I: '6.00', II: '6.00', III: '5.00' },
          evaluationStandard:
            '及时传达学习习近平总书记重要讲话和指示批示精神，落实“第一议题”制度，理论学习有计划、有记录、有成效。',
          scoringGuide: '未落实“第一议题”的每次扣0.5分，学习记录不完整的每处扣0.2分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PB-POL-2',
          name: '意识形态工作',
          method: 'DEDUCTION',
          max: { I: '5.00', II: '4.00', III: '4.00' },
          evaluationStandard: '落实意识形态工作责任制，定期分析研判，阵地管理规范。',
          scoringGuide: '未开展分析研判的扣0.5分，阵地管理不规范的每处扣0.2分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PB-POL-3',
          name: '政治理论学习质效',
          method: 'RATING',
          max: { I: '4.00', II: '4.00', III: '3.00' },
          evaluationStandard: '通过走访座谈抽查党员对党的创新理论掌握情况。',
          scoringGuide: '按好、较好、一般、差四档评价。',
        },
      ],
    },
    {
      code: 'RES',
      name: '党建责任',
      max: { I: '15.00', II: '14.00', III: '13.00' },
      indicators: [
        {
          code: 'PB-RES-1',
          name: '党建工作责任清单落实',
          method: 'DEDUCTION',
          max: { I: '6.00', II: '6.00', III: '6.00' },
          evaluationStandard: '制定年度党建工作责任清单和任务清单，逐项落实，按季度自查。',
          scoringGuide: '清单缺项的每项扣0.3分，任务未落实的每项扣0.5分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PB-RES-2',
          name: '党建与业务融合',
          method: 'RATING',
          max: { I: '5.00', II: '4.00', III: '4.00' },
          evaluationStandard:
            '围绕中心工作开展党建活动，党建与安全生产、优质服务等重点任务深度融合。',
          scoringGuide: '按好、较好、一般、差四档评价。',
        },
        {
          code: 'PB-RES-3',
          name: '“一岗双责”落实',
          method: 'DEDUCTION',
          max: { I: '4.00', II: '4.00', III: '3.00' },
          evaluationStandard: '支部委员落实“一岗双责”，分管领域党建工作有部署、有检查。',
          scoringGuide: '每发现一处问题扣0.3分。',
          defaultDeduction: '0.30',
        },
      ],
    },
    {
      code: 'ORG',
      name: '组织建设',
      max: { I: '15.00', II: '17.00', III: '20.00' },
      indicators: [
        sharedIndicator('STD-ORG', same('3.00')),
        sharedIndicator('STD-LIFE', same('3.00')),
        sharedIndicator('STD-MEM', same('3.00')),
        sharedIndicator('STD-LEDGER', same('3.00')),
        sharedIndicator('STD-SITE', same('3.00')),
        {
          code: 'PB-ORG-6',
          name: '党支部达标晋级',
          method: 'QUANTITY',
          max: { II: '2.00', III: '2.00' },
          evaluationStandard: '按计划完成党支部达标晋级创建任务。',
          scoringGuide: '按创建任务完成率折算得分。',
          target: '100.00',
          targetUnit: '%',
        },
        {
          code: 'PB-ORG-7',
          name: '支部委员会建设',
          method: 'DEDUCTION',
          max: { III: '3.00' },
          evaluationStandard: '支委会按月召开，支部书记、委员履职尽责。',
          scoringGuide: '支委会未按月召开的每次扣0.5分。',
          defaultDeduction: '0.50',
        },
      ],
    },
    {
      code: 'EDU',
      name: '党员教育',
      max: { I: '12.00', II: '12.00', III: '14.00' },
      indicators: [
        {
          code: 'PB-EDU-1',
          name: '党员学习学时',
          method: 'QUANTITY',
          max: { I: '4.00', II: '4.00', III: '5.00' },
          evaluationStandard: '党员季度人均集中学习不少于8学时。',
          scoringGuide: '按人均学时与目标之比折算得分，满分封顶。',
          target: '8.00',
          targetUnit: '学时',
        },
        {
          code: 'PB-EDU-2',
          name: '党员先锋作用发挥',
          method: 'RATING',
          max: { I: '4.00', II: '4.00', III: '4.00' },
          evaluationStandard: '党员责任区、示范岗、先锋队作用发挥明显，在急难险重任务中冲锋在前。',
          scoringGuide: '按好、较好、一般、差四档评价。',
        },
        {
          code: 'PB-EDU-3',
          name: '党课和谈心谈话',
          method: 'DEDUCTION',
          max: { I: '4.00', II: '4.00', III: '5.00' },
          evaluationStandard: '支部书记每年至少讲一次党课，谈心谈话全覆盖。',
          scoringGuide: '未按要求开展的每项扣0.5分。',
          defaultDeduction: '0.50',
        },
      ],
    },
    {
      code: 'CUL',
      name: '思想文化和统战',
      max: { I: '10.00', II: '10.00', III: '9.00' },
      indicators: [
        {
          code: 'PB-CUL-1',
          name: '思想政治工作',
          method: 'DEDUCTION',
          max: same('5.00'),
          evaluationStandard: '定期开展职工思想动态分析，及时化解矛盾。',
          scoringGuide: '未按季度开展思想动态分析的扣0.5分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PB-CUL-2',
          name: '企业文化和统战工作',
          method: 'DEDUCTION',
          max: { I: '5.00', II: '5.00', III: '4.00' },
          evaluationStandard: '企业文化落地实践，统战对象底数清楚、联系服务到位。',
          scoringGuide: '每发现一处问题扣0.3分。',
          defaultDeduction: '0.30',
        },
      ],
    },
    {
      code: 'YTH',
      name: '团青工作',
      max: { I: '8.00', II: '8.00', III: '7.00' },
      indicators: [
        {
          code: 'PB-YTH-1',
          name: '团青组织建设',
          method: 'DEDUCTION',
          max: same('4.00'),
          evaluationStandard: '党建带团建，团组织健全，青年工作有计划、有活动。',
          scoringGuide: '每发现一处问题扣0.3分。',
          defaultDeduction: '0.30',
        },
        {
          code: 'PB-YTH-2',
          name: '青年创新创效',
          method: 'RATING',
          max: { I: '4.00', II: '4.00', III: '3.00' },
          evaluationStandard: '组织青年开展创新创效、志愿服务等活动。',
          scoringGuide: '按好、较好、一般、差四档评价。',
        },
      ],
    },
    {
      code: 'TEAM',
      name: '队伍建设',
      max: same('10.00'),
      indicators: [
        {
          code: 'PB-TEAM-1',
          name: '党务干部配备',
          method: 'DEDUCTION',
          max: same('5.00'),
          evaluationStandard: '按规定配齐配强支部书记和党务工作人员。',
          scoringGuide: '配备不到位的扣1分，培训不到位的扣0.5分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PB-TEAM-2',
          name: '党务工作者履职能力',
          method: 'RATING',
          max: same('5.00'),
          evaluationStandard: '党务工作者熟悉业务，工作规范高效。',
          scoringGuide: '按好、较好、一般、差四档评价。',
        },
      ],
    },
    {
      code: 'DAY',
      name: '日常工作',
      max: same('15.00'),
      indicators: [
        {
          code: 'PB-DAY-1',
          name: '工作报送',
          method: 'DEDUCTION',
          max: same('5.00'),
          evaluationStandard: '按时、准确报送各类党建工作材料。',
          scoringGuide: '迟报、漏报的每次扣0.2分。',
          defaultDeduction: '0.20',
        },
        {
          code: 'PB-DAY-2',
          name: '问题整改落实',
          method: 'DEDUCTION',
          max: same('6.00'),
          evaluationStandard: '上季度检查问题和约谈清单按期整改销号。',
          scoringGuide: '整改不到位的每项扣0.5分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PB-DAY-3',
          name: '党建信息宣传',
          method: 'QUANTITY',
          max: same('4.00'),
          evaluationStandard: '每季度在公司网站、内刊等报送党建信息不少于3篇。',
          scoringGuide: '按报送篇数与目标之比折算得分，满分封顶。',
          target: '3.00',
          targetUnit: '篇',
        },
      ],
    },
  ],
  bonus: [
    {
      code: 'BON-CONTRIB',
      name: '贡献度',
      method: 'BONUS',
      max: same('2.00'),
      unitTypeRestriction: 'GRASSROOTS',
      evaluationStandard: '基层党组织在安全生产、电网建设、优质服务等中心工作中作出突出贡献。',
      scoringGuide: '经公司认定的每项加0.5分，最高2分。',
    },
    {
      code: 'BON-INTEG',
      name: '融合度',
      method: 'BONUS',
      max: same('2.00'),
      unitTypeRestriction: 'HEADQUARTERS',
      fromYear: INTEGRATION_FROM_YEAR,
      evaluationStandard: '本部党支部与基层党组织结对共建，专业管理与党建工作融合成效明显。',
      scoringGuide: '按共建成效加0.5—2分。',
    },
    {
      code: 'BON-PLUS',
      name: '“党建+”工程',
      method: 'BONUS',
      max: same('1.50'),
      evaluationStandard: '实施“党建+”工程，形成可推广的经验成果。',
      scoringGuide: '获公司推广的加1分，获上级推广的加1.5分。',
    },
    {
      code: 'BON-INNOV',
      name: '党建载体创新',
      method: 'BONUS',
      max: same('1.00'),
      evaluationStandard: '创新党建工作载体，打造特色品牌。',
      scoringGuide: '经评审认定的加0.5—1分。',
    },
  ],
}

export const INTEGRITY_SCHEME: AreaSchemeSeed = {
  name: '党风廉政建设季度考核评价方案',
  bonusCap: same('2.00'),
  dimensions: [
    {
      code: 'INT-RES',
      name: '廉政责任',
      max: same('40.00'),
      indicators: [
        {
          code: 'INT-1',
          name: '“两个责任”落实',
          method: 'DEDUCTION',
          max: same('20.00'),
          evaluationStandard: '落实全面从严治党主体责任和监督责任，“一岗双责”到位。',
          scoringGuide: '每发现一处问题扣0.5分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'INT-2',
          name: '廉洁风险防控',
          method: 'DEDUCTION',
          max: same('20.00'),
          evaluationStandard: '廉洁风险点排查全面，防控措施落实到岗到人。',
          scoringGuide: '每发现一处问题扣0.5分。',
          defaultDeduction: '0.50',
        },
      ],
    },
    {
      code: 'INT-EDU',
      name: '廉洁教育',
      max: same('30.00'),
      indicators: [
        {
          code: 'INT-3',
          name: '廉洁教育开展',
          method: 'DEDUCTION',
          max: same('10.00'),
          evaluationStandard: '按季度开展警示教育和廉洁提醒。',
          scoringGuide: '未按要求开展的扣1分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'INT-4',
          name: '廉洁文化建设',
          method: 'RATING',
          max: same('10.00'),
          evaluationStandard: '廉洁文化进班组、进岗位。',
          scoringGuide: '按好、较好、一般、差四档评价。',
        },
        {
          code: 'INT-6',
          name: '廉洁教育覆盖率',
          method: 'QUANTITY',
          max: same('10.00'),
          evaluationStandard: '警示教育、廉洁提醒覆盖全体党员和关键岗位人员。',
          scoringGuide: '按覆盖率折算得分。',
          target: '100.00',
          targetUnit: '%',
        },
      ],
    },
    {
      code: 'INT-SUP',
      name: '监督执纪',
      max: same('30.00'),
      indicators: [
        {
          code: 'INT-5',
          name: '日常监督',
          method: 'DEDUCTION',
          max: same('30.00'),
          evaluationStandard: '落实中央八项规定精神，节假日等关键节点监督到位。',
          scoringGuide: '每发现一处问题扣0.5分。',
          defaultDeduction: '0.50',
        },
      ],
    },
  ],
  bonus: [
    {
      code: 'INT-B1',
      name: '廉洁文化品牌',
      method: 'BONUS',
      max: same('2.00'),
      evaluationStandard: '廉洁文化品牌获上级认可。',
      scoringGuide: '获公司级推广加1分，上级推广加2分。',
    },
  ],
}

export const PUBLICITY_SCHEME: AreaSchemeSeed = {
  name: '宣传思想文化工作季度考核评价方案',
  bonusCap: same('2.00'),
  dimensions: [
    {
      code: 'PUB-NEWS',
      name: '新闻宣传',
      max: same('40.00'),
      indicators: [
        {
          code: 'PUB-1',
          name: '新闻宣传工作',
          method: 'DEDUCTION',
          max: same('20.00'),
          evaluationStandard: '有宣传计划，通讯员队伍健全，重点工作宣传及时。',
          scoringGuide: '每发现一处问题扣0.5分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PUB-2',
          name: '稿件报送',
          method: 'QUANTITY',
          max: same('20.00'),
          evaluationStandard: '每季度向公司报送新闻稿件不少于6篇。',
          scoringGuide: '按报送篇数与目标之比折算得分，满分封顶。',
          target: '6.00',
          targetUnit: '篇',
        },
      ],
    },
    {
      code: 'PUB-BRAND',
      name: '品牌文化',
      max: same('30.00'),
      indicators: [
        {
          code: 'PUB-3',
          name: '品牌和企业文化建设',
          method: 'DEDUCTION',
          max: same('20.00'),
          evaluationStandard: '企业文化落地，服务品牌有特色。',
          scoringGuide: '每发现一处问题扣0.5分。',
          defaultDeduction: '0.50',
        },
        {
          code: 'PUB-5',
          name: '企业文化落地成效',
          method: 'RATING',
          max: same('10.00'),
          evaluationStandard: '企业文化理念融入班组管理和员工行为。',
          scoringGuide: '按好、较好、一般、差四档评价。',
        },
      ],
    },
    {
      code: 'PUB-RISK',
      name: '舆情管理',
      max: same('30.00'),
      indicators: [
        {
          code: 'PUB-4',
          name: '舆情风险管控',
          method: 'DEDUCTION',
          max: same('30.00'),
          evaluationStandard: '舆情监测、报告、处置机制健全。',
          scoringGuide: '每发现一处问题扣0.5分。',
          defaultDeduction: '0.50',
        },
      ],
    },
  ],
  bonus: [
    {
      code: 'PUB-B1',
      name: '上级媒体刊发',
      method: 'BONUS',
      max: same('2.00'),
      evaluationStandard: '稿件被省级以上媒体刊发。',
      scoringGuide: '每篇加0.5分，最高2分。',
    },
  ],
}

export const AREA_SCHEMES: Record<AreaCode, AreaSchemeSeed> = {
  PARTY_BUILDING: PARTY_BUILDING_SCHEME,
  INTEGRITY: INTEGRITY_SCHEME,
  PUBLICITY: PUBLICITY_SCHEME,
}
