/**
 * Patch ids of behaviour changes to workflows that may already be running (`patched()`): histories
 * recorded before a patch replay through the old branch. Never rename or reuse one.
 */
export const PATCH = {
  /** A task opens in one activity: due date computed, case status and task row written together. */
  ONE_ROUND_TRIP_TASK_OPEN: 'kernel-one-round-trip-task-open',
  /** Linked cases are numbered by the database (one id scheme) and started by one starter. */
  LINKED_CASES: 'kernel-linked-cases',
  /** Extending the penalty decision period moves the open tasks that follow it (no second Update from the API). */
  PENALTY_EXTENSION_MOVES_TASKS: 'penalty-extension-moves-tasks',
  /**
   * Closing an accident case ends the steps that only make sense while it is open (member findings,
   * supervised-listing progress reports, hand-recorded accountability outcomes); before, they stayed
   * open and the workflow returned without waiting for them.
   */
  ACCIDENT_STEPS_END_AT_CLOSE: 'accident-steps-end-at-close',
  /**
   * The head's 3 days to decide a criminal transfer count from the workflow's start on Temporal's
   * clock (the one the task's timers use); before, from the opening instant the API passed in.
   */
  CRIMINAL_TRANSFER_DECISION_ON_WORKFLOW_CLOCK: 'criminal-transfer-decision-on-workflow-clock',
  /**
   * An extension of the decision period is refused (CALENDAR_YEAR_NOT_LOADED) while the extended
   * deadline cannot be computed; before, the extension was counted and the period had no end.
   */
  DECISION_EXTENSION_NEEDS_A_DEADLINE: 'decision-extension-needs-a-deadline',
  /**
   * The penalty proposal is matched against the department's 法制审核目录 (loaded when the proposal step
   * opens); a matched entry requires 法制审核 before the decision (行政处罚法 Art.58). Before, only the
   * Art.58 flags of the proposal did.
   */
  PENALTY_LEGAL_REVIEW_CATALOGUE: 'penalty-legal-review-catalogue',
  /**
   * The party window stays open the policy's grace working days after its statutory end, for submissions
   * posted within the period that reach the agency after it (judged by their received-on day).
   */
  PENALTY_PARTY_SUBMISSION_GRACE: 'penalty-party-submission-grace',
  /**
   * An accident case reports itself up the chain (条例 Art.10–11: one ACCIDENT_UPWARD_REPORT task per
   * level, 2 hours each) and opens the consequences of a 迟报/漏报/谎报/瞒报 flag (Art.36); before,
   * neither was opened.
   */
  ACCIDENT_UPWARD_REPORTS: 'accident-upward-reports',
  /**
   * 联合检查 / 交叉检查: findings are attributed to competent departments, partner departments'
   * findings are ordered in linked inspection cases of theirs, and a cross inspection's steps are
   * assigned to a visiting officer. Only inputs with `joint` or `referral` take these branches.
   */
  JOINT_INSPECTIONS: 'inspection-joint-departments',
  /**
   * A 补报 carries the day the agency received it (bounded, its receipt attached when earlier than entry), and the
   * upward-report levels a regrade opens count their 2 hours from that receipt; before, from the level below's report.
   */
  ACCIDENT_BUBAO_RECEIVED_ON: 'accident-bubao-received-on',
  /**
   * 条例 Art.10(1): a 重大/特别重大 accident's chains go on from the province to the State Council's
   * department (a task of the province's, the recipient a label); before, they stopped at the province.
   */
  ACCIDENT_UPWARD_STATE_COUNCIL: 'accident-upward-state-council',
  /**
   * 条例 Art.10(1): every department that received the report records its notification of 公安机关、
   * 劳动保障行政部门、工会和人民检察院 (a step in its inbox until all four are recorded); before, none did.
   */
  ACCIDENT_REPORT_NOTIFICATIONS: 'accident-report-notifications',
  /** 核查 verified true may open a linked penalty case against the complaint's enterprise; before, only an inspection. */
  COMPLAINT_PENALTY_CASE: 'complaint-penalty-case',
  /**
   * 条例 Art.10 para.2 (越级上报): while a chain's level waits for the report, the level below may report
   * straight to a higher one (its own task, 2 hours from then); the skipped levels still report. Before,
   * only level by level.
   */
  ACCIDENT_SKIP_LEVEL_REPORT: 'accident-skip-level-report',
  /**
   * 条例 Art.10(1): the bodies a department notifies are its accident department policy (carried by the upward-report
   * plan); before, all four for every department.
   */
  ACCIDENT_NOTIFIED_BODIES_POLICY: 'accident-notified-bodies-policy',
  /**
   * The short adapters between steps (task opening and completion, case status, deadlines, the penalty
   * loads, events and documents; kernel.ts LOCAL_ACTIVITIES) run as local activities; before, each was
   * scheduled on the server.
   */
  LOCAL_ACTIVITIES: 'kernel-local-activities',
  /**
   * A deadline level (yellow, red) whose instant has already passed when the watcher reaches it is reported at
   * once; before, through a timer of 1 ms.
   */
  PAST_DUE_ESCALATES_AT_ONCE: 'kernel-past-due-escalates-at-once',
} as const;
