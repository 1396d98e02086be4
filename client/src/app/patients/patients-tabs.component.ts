import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** Switches between the patient list and the front desk's view of today's visits. */
@Component({
  selector: 'hf-patients-tabs',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <nav mat-tab-nav-bar mat-stretch-tabs="false" mat-align-tabs="start" [tabPanel]="panel" [attr.aria-label]="t('patients.tabs.label')" class="tabs">
        <a
          mat-tab-link
          routerLink="/patients"
          routerLinkActive
          #list="routerLinkActive"
          [routerLinkActiveOptions]="{ paths: 'exact', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' }"
          [active]="list.isActive"
          data-testid="patients-tab-list"
          >{{ t('patients.tabs.list') }}</a
        >
        <a
          mat-tab-link
          routerLink="/patients/today"
          routerLinkActive
          #today="routerLinkActive"
          [active]="today.isActive"
          data-testid="patients-today"
          >{{ t('patients.tabs.today') }}</a
        >
      </nav>
      <mat-tab-nav-panel #panel><ng-content /></mat-tab-nav-panel>
    </ng-container>
  `,
  styles: `
    .tabs {
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientsTabsComponent {}
