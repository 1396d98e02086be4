import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { FeedbackPageComponent } from './feedback-page.component';

/** The public form boots alone: no router, Material, Transloco or staff session code is loaded. */
export function bootstrapFeedback(): Promise<unknown> {
  return bootstrapApplication(FeedbackPageComponent, { providers: [provideZonelessChangeDetection()] });
}
