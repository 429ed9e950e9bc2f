// Only the ECharts parts the page uses (echarts/core + four chart types + five components), so the
// bundle stays small (npm run bench:dashboard checks it).
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Charts, Row } from './types.js';
import type { T } from './i18n.js';
import { isDarkScheme } from './telegram.js';

echarts.use([
  LineChart,
  BarChart,
  FunnelChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

const live: echarts.ECharts[] = [];

export function disposeCharts(): void {
  while (live.length > 0) live.pop()!.dispose();
}

function chart(el: HTMLElement, option: echarts.EChartsCoreOption): void {
  const instance = echarts.init(el, isDarkScheme() ? 'dark' : undefined, { renderer: 'canvas' });
  instance.setOption({ backgroundColor: 'transparent', textStyle: { fontFamily: 'inherit' }, ...option });
  live.push(instance);
}

window.addEventListener('resize', () => live.forEach((c) => c.resize()));

const shortDate = (iso: string) => iso.slice(5, 10);

export function renderCharts(els: { ack: HTMLElement; timeliness: HTMLElement; funnel: HTMLElement; faq: HTMLElement }, data: Charts, rows: Row[], t: T): void {
  const grid = { left: 44, right: 16, top: 36, bottom: 30 };
  chart(els.ack, {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—'),
    },
    grid,
    xAxis: {
      type: 'category',
      data: data.acknowledgements.map((a) => `${shortDate(a.sentAt)} ${a.title}`),
      axisLabel: { formatter: (v: string) => v.slice(0, 5) },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('rate'),
        type: 'line',
        smooth: true,
        connectNulls: true,
        data: data.acknowledgements.map((a) => (a.rate === null ? null : Math.round(a.rate * 100))),
      },
    ],
  });

  const names = new Map(rows.map((r) => [r.classId, r.name]));
  const classes = data.timeliness.classes.filter((c) => names.has(c.classId));
  const states = ['missing', 'late', 'on_time', 'open'] as const;
  const cells: Array<[number, number, number]> = [];
  classes.forEach((c, y) =>
    c.states.forEach((s, x) => {
      if (s !== null) cells.push([x, y, states.indexOf(s)]);
    }),
  );
  const visible = Math.min(classes.length, 15);
  chart(els.timeliness, {
    tooltip: { formatter: (p: { value: [number, number, number] }) => `${names.get(classes[p.value[1]]!.classId)}: ${t(states[p.value[2]]!)}` },
    grid: { left: 90, right: 40, top: 10, bottom: 56 },
    xAxis: { type: 'category', data: data.timeliness.periods.map((p) => p.period), splitArea: { show: true } },
    yAxis: { type: 'category', data: classes.map((c) => names.get(c.classId)), inverse: true, axisLabel: { width: 80, overflow: 'truncate' } },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: states.map((s, i) => ({ value: i, label: t(s), color: ['#dc2626', '#d97706', '#16a34a', '#9ca3af'][i] })),
    },
    dataZoom:
      classes.length > visible
        ? [
            { type: 'slider', yAxisIndex: 0, right: 4, width: 16, startValue: 0, endValue: visible - 1 },
            { type: 'inside', yAxisIndex: 0 },
          ]
        : [],
    series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: 'rgba(128,128,128,0.2)', borderWidth: 1 } }],
  });

  const f = data.funnel;
  chart(els.funnel, {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '12%',
        label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: [
          { name: t('applicants'), value: f.applicants },
          { name: t('activists'), value: f.activists },
          { name: t('targets'), value: f.developmentTargets },
          { name: t('probationary'), value: f.probationary },
          { name: t('full'), value: f.fullMembers },
        ],
      },
    ],
  });

  chart(els.faq, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: data.faqWeeks.map((w) => shortDate(w.week)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('bot'), type: 'bar', stack: 'q', data: data.faqWeeks.map((w) => w.bot), itemStyle: { color: '#2481cc' } },
      { name: t('toLiaisons'), type: 'bar', stack: 'q', data: data.faqWeeks.map((w) => w.liaisons), itemStyle: { color: '#d97706' } },
    ],
  });
}
