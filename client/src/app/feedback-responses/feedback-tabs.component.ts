import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The Feedback page's two views: the responses list and the comment themes (links, so each view has its URL); the view is its content. */
@Component({
  selector: 'hf-feedback-tabs',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, TranslocoDirective],
  template: `
    <nav *transloco="let t" mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="t('surveys.feedbackTabs.label')">
      <a
        mat-tab-link
        routerLink="/feedback-responses"
        routerLinkActive
        #responses="routerLinkActive"
        [routerLinkActiveOptions]="exactPath"
        [active]="responses.isActive"
        data-testid="feedback-tab-responses"
        >{{ t('surveys.feedbackTabs.responses') }}</a
      >
      <a mat-tab-link routerLink="/feedback-responses/themes" routerLinkActive #themes="routerLinkActive" [active]="themes.isActive" data-testid="feedback-tab-themes">{{
        t('surveys.feedbackTabs.themes')
      }}</a>
    </nav>
    <mat-tab-nav-panel #panel><ng-content /></mat-tab-nav-panel>
  `,
  styles: `
    nav { margin-bottom: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackTabsComponent {
  /** The list is active on its own path whatever its filters (query params). */
  protected readonly exactPath = { paths: 'exact', queryParams: 'ignored', matrixParams: 'ignored', fragment: 'ignored' } as const;
}
