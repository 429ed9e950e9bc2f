// The database as kysely sees it, composed from the table types each folder declares in its own
// tables.ts: a feature owns its tables (and their migrations), this file only puts them together.
// These are type-only imports — db/ runs no feature code — the same composition the i18n catalogs
// use for the features' strings. (Decided in issue 8: kept, rather than one hand-kept copy here.)
import type { Kysely, Transaction } from 'kysely';
import type { BranchesTable, ClassesTable } from '../features/classes/tables.js';
import type { BindCodesTable, ChatsTable } from '../features/groups/tables.js';
import type { InvitesTable } from '../features/invites/tables.js';
import type { PeopleTable, RoleAssignmentsTable } from '../people/tables.js';
import type { PolledUpdatesTable, ProcessedUpdatesTable } from '../telegram/tables.js';
import type { DialoguesTable } from '../dialogue/tables.js';
import type {
  ClassMembersSeenTable,
  FaqBranchEntriesTable,
  FaqBranchMetaTable,
  FaqEntriesTable,
  FaqExamplesTable,
  FaqGroupAutoTable,
  FaqMetaTable,
  FaqQuestionsTable,
} from '../features/faq/tables.js';
import type { OutboxTable, SendBudgetTable } from '../outbox/tables.js';
import type { SchedulerStateTable } from '../scheduler/tables.js';
import type { InboxHandoffsTable, InboxItemsTable, InboxMessagesTable, InboxReturnRoutesTable } from '../inbox/tables.js';
import type { AcknowledgementsTable, DeliveriesTable, NoticesTable } from '../features/notices/tables.js';
import type { BranchSettingsTable, RemindersTable } from '../reminders/tables.js';
import type { MeetingAttendanceTable, MeetingOccurrencesTable, MeetingsTable } from '../features/meetings/tables.js';
import type { ClassReportsTable, ReportDeadlinesTable, ReportOccurrencesTable } from '../features/reports/tables.js';
import type {
  FeedbackItemsTable,
  FeedbackLimitKeysTable,
  FeedbackLimitsTable,
  FeedbackQueueRoutesTable,
  FeedbackQueueTable,
  ReportHintsTable,
  ReportsTable,
} from '../features/feedback/tables.js';
import type {
  DormVisitsTable,
  PipelineRecordsTable,
  PipelineStageChangesTable,
  RecordChangesTable,
  RecordLinksTable,
  ThoughtReportsTable,
} from '../features/records/tables.js';
import type { DashboardDownloadsTable, DashboardLoginCodesTable, DashboardMenuButtonsTable, DashboardSessionsTable } from '../features/dashboard/tables.js';

export interface Database {
  branches: BranchesTable;
  classes: ClassesTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  chats: ChatsTable;
  bind_codes: BindCodesTable;
  invites: InvitesTable;
  processed_updates: ProcessedUpdatesTable;
  polled_updates: PolledUpdatesTable;
  dialogues: DialoguesTable;
  faq_entries: FaqEntriesTable;
  faq_meta: FaqMetaTable;
  faq_branch_entries: FaqBranchEntriesTable;
  faq_branch_meta: FaqBranchMetaTable;
  faq_examples: FaqExamplesTable;
  faq_questions: FaqQuestionsTable;
  class_members_seen: ClassMembersSeenTable;
  faq_group_auto: FaqGroupAutoTable;
  notices: NoticesTable;
  deliveries: DeliveriesTable;
  acknowledgements: AcknowledgementsTable;
  outbox: OutboxTable;
  send_budget: SendBudgetTable;
  scheduler_state: SchedulerStateTable;
  inbox_items: InboxItemsTable;
  inbox_handoffs: InboxHandoffsTable;
  inbox_messages: InboxMessagesTable;
  inbox_return_routes: InboxReturnRoutesTable;
  branch_settings: BranchSettingsTable;
  reminders: RemindersTable;
  meetings: MeetingsTable;
  meeting_occurrences: MeetingOccurrencesTable;
  meeting_attendance: MeetingAttendanceTable;
  report_deadlines: ReportDeadlinesTable;
  report_occurrences: ReportOccurrencesTable;
  class_reports: ClassReportsTable;
  feedback_queue: FeedbackQueueTable;
  feedback_queue_routes: FeedbackQueueRoutesTable;
  feedback_items: FeedbackItemsTable;
  feedback_limit_keys: FeedbackLimitKeysTable;
  feedback_limits: FeedbackLimitsTable;
  reports: ReportsTable;
  report_hints: ReportHintsTable;
  pipeline_records: PipelineRecordsTable;
  pipeline_stage_changes: PipelineStageChangesTable;
  thought_reports: ThoughtReportsTable;
  dorm_visits: DormVisitsTable;
  record_changes: RecordChangesTable;
  record_links: RecordLinksTable;
  dashboard_login_codes: DashboardLoginCodesTable;
  dashboard_sessions: DashboardSessionsTable;
  dashboard_menu_buttons: DashboardMenuButtonsTable;
  dashboard_downloads: DashboardDownloadsTable;
}

export type Db = Kysely<Database>;
/** Query functions take either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
