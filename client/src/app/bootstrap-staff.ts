import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

export function bootstrapStaff(): Promise<unknown> {
  return bootstrapApplication(AppComponent, appConfig);
}
