// The JSON the server sends, typed from the server's own types (dates arrive as ISO strings).
import type { ClassPage as ServerClassPage } from '../../src/features/dashboard/class-page.js';
import type { Charts as ServerCharts, Timeliness as ServerTimeliness } from '../../src/features/dashboard/charts.js';
import type { DashboardOverview } from '../../src/features/dashboard/overview.js';
import type { OverviewRow, OverviewTotal } from '../../src/features/overview/rows.js';
import type { PipelineCounts } from '../../src/features/records/counts.js';

type Json<T> = T extends Date ? string : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export interface Me {
  name: string;
  language: 'zh' | 'en';
  secretary: boolean;
  classes: number;
}

export type Counts = PipelineCounts;
export type Row = Json<OverviewRow>;
export type Total = Json<OverviewTotal>;
export type Overview = Json<DashboardOverview>;
export type Timeliness = ServerTimeliness;
export type Charts = Json<ServerCharts>;
export type ClassPage = Json<ServerClassPage>;
