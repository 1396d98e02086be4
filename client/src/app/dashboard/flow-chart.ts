import { LIFECYCLE_STAGES, type LifecycleFlow } from '@huifang/shared';
import { CHART_COLORS, type ChartContext, type ChartModel, tableDrills } from './chart-model';
import type { DrillTarget } from './drill-down';
import { flowTargetLabel } from './drill-down';

const STAGE_COLORS: Record<string, string> = {
  first_visit: '#0b4a8f',
  treatment: '#5a2a9c',
  rehabilitation: '#0d6650',
  follow_up: '#2c3a99',
  lapsed: CHART_COLORS.churn,
};

/** Room beside each node column for its labels ("Rehabilitation" at 12 px), and their gap to the node. */
export const LABEL_ROOM = 112;
const LABEL_GAP = 6;

/**
 * The lifecycle flow as a Sankey: the stages patients left on the left, where they went on the right
 * (another stage, or lapsed). Two columns keep it a DAG even when patients move back a stage. Each
 * link lists its patients on a click.
 */
export function flowChart(flow: LifecycleFlow, context: ChartContext): ChartModel {
  const { t } = context;
  const links = flow.links.filter((link) => link.n > 0);
  const sources = LIFECYCLE_STAGES.filter((stage) => links.some((link) => link.from === stage));
  const targets = [...LIFECYCLE_STAGES, 'lapsed' as const].filter((target) => links.some((link) => link.to === target));
  const targetsOf = links.map((link): DrillTarget => ({ kind: 'flow', fromStage: link.from, toStage: link.to, count: link.n }));
  return {
    option: {
      animation: false,
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'sankey',
          // Labels sit outside the two node columns (sources' to their left, targets' to their right),
          // in margins as wide as the longest label may be: no label can cover a node or a band's start.
          left: LABEL_ROOM,
          right: LABEL_ROOM,
          top: 8,
          bottom: 8,
          nodeAlign: 'justify',
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
          label: {
            formatter: (params: { data: { text: string } }) => params.data.text,
            width: LABEL_ROOM - LABEL_GAP,
            overflow: 'truncate',
          },
          data: [
            ...sources.map((stage) => ({
              name: `from:${stage}`,
              text: t(`stages.${stage}`),
              itemStyle: { color: STAGE_COLORS[stage] },
              label: { position: 'left', distance: LABEL_GAP },
            })),
            ...targets.map((target) => ({
              name: `to:${target}`,
              text: flowTargetLabel(target, t),
              itemStyle: { color: STAGE_COLORS[target] },
              label: { position: 'right', distance: LABEL_GAP },
            })),
          ],
          links: links.map((link) => ({ source: `from:${link.from}`, target: `to:${link.to}`, value: link.n })),
          tooltip: {
            formatter: (params: { dataType?: string; dataIndex: number; data: { text?: string }; value: number }) => {
              if (params.dataType === 'edge') {
                const link = links[params.dataIndex];
                return `${escapeHtml(t(`stages.${link.from}`))} → ${escapeHtml(flowTargetLabel(link.to, t))}: ${link.n}`;
              }
              return `${escapeHtml(params.data.text ?? '')}: ${params.value}`;
            },
          },
        },
      ],
    },
    // Sankey clicks report links as edges: hits are indexed by link.
    hits: [targetsOf],
    empty: links.length === 0,
    table: {
      columns: [t('dashboard.table.fromStage'), t('dashboard.table.toStage'), t('dashboard.table.patients')],
      rows: links.map((link, index) => ({
        label: t(`stages.${link.from}`),
        cells: [flowTargetLabel(link.to, t), String(link.n)],
        drills: tableDrills([targetsOf[index]], t),
      })),
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
