import { Routes } from '@angular/router';
import { CommentThemesPageComponent } from './comment-themes-page.component';

export const COMMENT_THEMES_ROUTES: Routes = [{ path: '', component: CommentThemesPageComponent }];
