import type { Translate } from '../../i18n/i18n.js';
import type { PipelineCounts } from '../records/counts.js';

/** The class's figures as announced to the class (issue 11 "What the class sees"): counts only, never a name. */
export function statsHtml(t: Translate, className: string, counts: PipelineCounts): string {
  return t('stats.message', {
    class: className,
    applications: counts.applicationsThisTerm,
    reports: counts.thoughtReportsThisQuarter,
    activists: counts.activists,
    school: counts.activistsAtPartySchool,
    targets: counts.developmentTargets,
    probationary: counts.probationary,
    full: counts.fullMembers,
  });
}
