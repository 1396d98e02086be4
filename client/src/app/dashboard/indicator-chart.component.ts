import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ECElementEvent } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ChartModel } from './chart-model';
import type { DrillTarget } from './drill-down';

/** SVG keeps each chart element a DOM node (see echarts-setup.ts). */
const INIT_OPTS = { renderer: 'svg' as const };

/**
 * One chart of the dashboard with its states: loading, failed (with retry), no data (never empty
 * axes), and the same figures as a table for screen readers and keyboard users. A click on a data
 * item, or a table row's button, asks for the rows behind it (`T`: what the chart's model says a click opens).
 */
@Component({
  selector: 'hf-indicator-chart',
  imports: [MatButtonModule, MatProgressBarModule, NgxEchartsDirective, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" class="loading" />
      }
      @if (failed()) {
        <p class="state" role="alert">
          {{ t('dashboard.loadFailed') }}
          <button mat-button type="button" (click)="retry.emit()">{{ t('dashboard.retry') }}</button>
        </p>
      } @else if (model(); as m) {
        @if (m.empty) {
          <p class="state no-data" data-testid="chart-no-data">{{ t('dashboard.noData') }}</p>
        } @else if (asTable()) {
          <div class="table-wrap">
            <table class="figures" [attr.aria-label]="label()">
              <thead>
                <tr>
                  @for (column of m.table.columns; track $index) {
                    <th scope="col">{{ column }}</th>
                  }
                  <th scope="col"><span class="cdk-visually-hidden">{{ t('dashboard.drill.title') }}</span></th>
                </tr>
              </thead>
              <tbody>
                @for (row of m.table.rows; track $index) {
                  <tr>
                    <th scope="row">{{ row.label }}</th>
                    @for (cell of row.cells; track $index) {
                      <td>{{ cell }}</td>
                    }
                    <td class="drills">
                      @for (rowDrill of row.drills; track $index) {
                        <button mat-button type="button" data-testid="table-drill" (click)="drill.emit(rowDrill.target)">
                          {{ rowDrill.label }}
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <div
            class="chart"
            echarts
            role="img"
            [attr.aria-label]="label()"
            [options]="m.option"
            [initOpts]="initOpts"
            [autoResize]="true"
            (chartClick)="onClick(m, $event)"
          ></div>
        }
        @if (!m.empty) {
          <button mat-button type="button" class="view-toggle" data-testid="chart-view-toggle" (click)="asTable.set(!asTable())">
            {{ asTable() ? t('dashboard.actions.showChart') : t('dashboard.actions.showTable') }}
          </button>
        }
      }
    </ng-container>
  `,
  styles: `
    :host { display: block; position: relative; }
    .loading { position: absolute; top: 0; left: 0; right: 0; }
    .chart { height: var(--hf-chart-height, 280px); width: 100%; }
    .state { min-height: 120px; display: flex; align-items: center; justify-content: center; gap: 8px; color: rgba(0, 0, 0, 0.6); }
    .table-wrap { overflow-x: auto; max-height: 360px; }
    table.figures { border-collapse: collapse; width: 100%; font-size: 13px; }
    table.figures th, table.figures td { padding: 4px 8px; border-bottom: 1px solid rgba(0, 0, 0, 0.08); text-align: right; white-space: nowrap; }
    table.figures th[scope='row'], table.figures thead th:first-child { text-align: left; }
    table.figures td.drills { text-align: left; }
    .view-toggle { margin-top: 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorChartComponent<T = DrillTarget> {
  readonly model = input<ChartModel<T> | null>(null);
  readonly loading = input(false);
  readonly failed = input(false);
  /** What the chart shows, for assistive technology. */
  readonly label = input('');

  readonly drill = output<T>();
  readonly retry = output<void>();

  protected readonly asTable = signal(false);
  protected readonly initOpts = INIT_OPTS;

  protected onClick(model: ChartModel<T>, event: ECElementEvent): void {
    // A Sankey reports its nodes and its links (edges) with separate indexes: only links list patients.
    // Marks (action start dates, targets) are drawn on a series but stand for no rows.
    if (event.dataType === 'node' || (event.componentType !== undefined && event.componentType !== 'series')) {
      return;
    }
    const seriesIndex = event.seriesIndex ?? 0;
    const target = model.hits[seriesIndex]?.[event.dataIndex];
    if (target) {
      this.drill.emit(target);
    }
  }
}
