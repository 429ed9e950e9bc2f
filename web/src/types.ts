// The JSON the server sends (src/features/dashboard/, src/features/overview/rows.ts); dates are ISO strings.
export interface Me {
  name: string;
  language: 'zh' | 'en';
  secretary: boolean;
  classes: number;
}

export interface Counts {
  applicationsThisTerm: number;
  thoughtReportsThisQuarter: number;
  applicants: number;
  activists: number;
  activistsAtPartySchool: number;
  developmentTargets: number;
  probationary: number;
  fullMembers: number;
}

export type ReportStatus = 'on_time' | 'late' | 'missing' | 'none';

export interface Row {
  classId: number;
  name: string;
  code: string;
  tags: string[];
  liaisons: Array<{ personId: number; name: string; reachable: boolean }>;
  liaisonWarning: boolean;
  chat: { title: string; active: boolean } | null;
  acks: { notices: number; acknowledgements: number; members: number; rate: number | null };
  lastReport: { status: ReportStatus; period: string | null; dueAt: string | null };
  nextMeeting: { startsAt: string; topic: string; place: string; liaisonConfirmed: boolean } | null;
  unansweredQuestions: number;
  openFeedback: number;
  counts: Counts;
}

export interface Total {
  classes: number;
  liaisonWarnings: number;
  chatsActive: number;
  reports: Record<ReportStatus, number>;
  meetingsPlanned: number;
  unansweredQuestions: number;
  openFeedback: number;
  counts: Counts;
}

export interface Overview {
  rows: Row[];
  total: Total;
  tags: string[];
}

export type Timeliness = 'on_time' | 'late' | 'missing' | 'open';

export interface Charts {
  acknowledgements: Array<{ noticeId: number; sentAt: string; title: string; acks: number; members: number; rate: number | null }>;
  timeliness: {
    periods: Array<{ occurrenceId: number; name: string; period: string; dueAt: string }>;
    classes: Array<{ classId: number; states: Array<Timeliness | null> }>;
  };
  funnel: Counts;
  faqWeeks: Array<{ week: string; bot: number; liaisons: number }>;
}

export interface ClassPage {
  id: number;
  name: string;
  code: string;
  tags: string[];
  liaisons: Array<{ name: string; link: string }>;
  group: { title: string; active: boolean; link: string | null } | null;
  notices: Array<{ noticeId: number; title: string; sentAt: string | null; state: string; askAck: boolean; acks: number; members: number }>;
  reports: Array<{ name: string; period: string; dueAt: string; timeliness: Timeliness; submittedAt: string | null; reviewed: boolean }>;
  meetings: Array<{ topic: string; place: string; startsAt: string; confirmed: string[]; declined: string[] }>;
  counts: Counts;
  records: Array<{
    name: string;
    stage: string;
    appliedOn: string | null;
    activistOn: string | null;
    targetOn: string | null;
    probationaryOn: string | null;
    fullOn: string | null;
  }> | null;
}
