import type { LifecycleFlow, LifecycleFlowLink } from '@huifang/shared';
import type { ChartContext } from './chart-model';
import { flowChart } from './flow-chart';
import { fakeChartContext as context } from './chart-test-fakes';

const flow = (links: LifecycleFlowLink[]): LifecycleFlow => ({ from: '2026-01-01', to: '2026-03-31', departmentId: null, links });

interface SankeyNode {
  name: string;
  text: string;
  itemStyle: { color: string };
  label: { position: string };
}
interface TooltipParams {
  dataType?: string;
  dataIndex: number;
  data: { text?: string };
  value: number;
}
interface SankeyOption {
  type: string;
  data: SankeyNode[];
  links: { source: string; target: string; value: number }[];
  left: number;
  right: number;
  label: { formatter: (params: { data: { text: string } }) => string; width: number; overflow: string };
  tooltip: { formatter: (params: TooltipParams) => string };
}
const sankeyOf = (model: ReturnType<typeof flowChart>) => (model.option as { series: SankeyOption[] }).series[0];

describe('flowChart', () => {
  const links: LifecycleFlowLink[] = [
    { from: 'treatment', to: 'rehabilitation', n: 8 },
    { from: 'first_visit', to: 'treatment', n: 20 },
    { from: 'follow_up', to: 'first_visit', n: 0 },
    { from: 'first_visit', to: 'lapsed', n: 3 },
  ];
  const model = flowChart(flow(links), context);

  it('keeps only links with patients, in the order given', () => {
    expect(sankeyOf(model).links).toEqual([
      { source: 'from:treatment', target: 'to:rehabilitation', value: 8 },
      { source: 'from:first_visit', target: 'to:treatment', value: 20 },
      { source: 'from:first_visit', target: 'to:lapsed', value: 3 },
    ]);
    expect(model.empty).toBe(false);
  });

  it('has a source node per stage left and a target node per destination, in lifecycle order', () => {
    const nodes = sankeyOf(model).data;
    // follow_up only had a link with n = 0, so it has no node; first_visit as a target neither.
    expect(nodes.map((node) => node.name)).toEqual(['from:first_visit', 'from:treatment', 'to:treatment', 'to:rehabilitation', 'to:lapsed']);
    expect(nodes.map((node) => node.text)).toEqual([
      'stages.first_visit{}',
      'stages.treatment{}',
      'stages.treatment{}',
      'stages.rehabilitation{}',
      'statuses.lapsed{}',
    ]);
    expect(nodes.every((node) => /^#[0-9a-f]{6}$/i.test(node.itemStyle.color))).toBe(true);
    // A stage keeps its color on both sides.
    expect(nodes[1].itemStyle.color).toBe(nodes[2].itemStyle.color);
    expect(sankeyOf(model).label.formatter({ data: nodes[4] })).toBe('statuses.lapsed{}');
  });

  it('puts labels outside the node columns, in margins as wide as a label may be, so none covers a node', () => {
    const sankey = sankeyOf(model);
    const nodes = sankey.data;
    expect(nodes.map((node) => node.label.position)).toEqual(['left', 'left', 'right', 'right', 'right']);
    expect(sankey.left).toBeGreaterThan(sankey.label.width);
    expect(sankey.right).toBeGreaterThan(sankey.label.width);
    expect(sankey.label.overflow).toBe('truncate');
  });

  it('a link lists its patients, indexed like the links', () => {
    expect(model.hits).toEqual([
      [
        { kind: 'flow', fromStage: 'treatment', toStage: 'rehabilitation', count: 8 },
        { kind: 'flow', fromStage: 'first_visit', toStage: 'treatment', count: 20 },
        { kind: 'flow', fromStage: 'first_visit', toStage: 'lapsed', count: 3 },
      ],
    ]);
  });

  it('builds a table row per link with its drill', () => {
    expect(model.table.columns).toEqual(['dashboard.table.fromStage{}', 'dashboard.table.toStage{}', 'dashboard.table.patients{}']);
    expect(model.table.rows).toEqual([
      {
        label: 'stages.treatment{}',
        cells: ['stages.rehabilitation{}', '8'],
        drills: [
          {
            label: 'dashboard.table.drill{"what":"dashboard.table.patients{}","count":8}',
            target: { kind: 'flow', fromStage: 'treatment', toStage: 'rehabilitation', count: 8 },
          },
        ],
      },
      {
        label: 'stages.first_visit{}',
        cells: ['stages.treatment{}', '20'],
        drills: [
          {
            label: 'dashboard.table.drill{"what":"dashboard.table.patients{}","count":20}',
            target: { kind: 'flow', fromStage: 'first_visit', toStage: 'treatment', count: 20 },
          },
        ],
      },
      {
        label: 'stages.first_visit{}',
        cells: ['statuses.lapsed{}', '3'],
        drills: [
          {
            label: 'dashboard.table.drill{"what":"dashboard.table.patients{}","count":3}',
            target: { kind: 'flow', fromStage: 'first_visit', toStage: 'lapsed', count: 3 },
          },
        ],
      },
    ]);
  });

  it('tooltips name a link by its stages and n, a node by its label and value', () => {
    const { formatter } = sankeyOf(model).tooltip;
    expect(formatter({ dataType: 'edge', dataIndex: 2, data: {}, value: 3 })).toBe('stages.first_visit{} → statuses.lapsed{}: 3');
    expect(formatter({ dataType: 'node', dataIndex: 0, data: { text: 'stages.first_visit{}' }, value: 23 })).toBe('stages.first_visit{}: 23');
  });

  it('escapes HTML in tooltip labels', () => {
    const evil: ChartContext = { ...context, t: (key) => `<b>${key}</b> & "it's"` };
    const { formatter } = sankeyOf(flowChart(flow([{ from: 'treatment', to: 'lapsed', n: 2 }]), evil)).tooltip;
    expect(formatter({ dataType: 'edge', dataIndex: 0, data: {}, value: 2 })).toBe(
      '&#60;b&#62;stages.treatment&#60;/b&#62; &#38; &#34;it&#39;s&#34; → &#60;b&#62;statuses.lapsed&#60;/b&#62; &#38; &#34;it&#39;s&#34;: 2',
    );
    expect(formatter({ dataIndex: 0, data: { text: '<img src=x onerror=alert(1)>' }, value: 2 })).toBe('&#60;img src=x onerror=alert(1)&#62;: 2');
    expect(formatter({ dataIndex: 0, data: {}, value: 2 })).toBe(': 2');
  });

  it('is empty without links, or with only links of n = 0', () => {
    for (const empty of [flowChart(flow([]), context), flowChart(flow([{ from: 'treatment', to: 'follow_up', n: 0 }]), context)]) {
      expect(empty.empty).toBe(true);
      expect(sankeyOf(empty).data).toEqual([]);
      expect(sankeyOf(empty).links).toEqual([]);
      expect(empty.hits).toEqual([[]]);
      expect(empty.table.rows).toEqual([]);
    }
  });
});
