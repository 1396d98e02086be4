import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CommentTheme, CommentThemeChange, CreateCommentThemeRequest, UpdateCommentThemeRequest } from '@huifang/shared';
import { Observable } from 'rxjs';

const COMMENT_THEMES_URL = '/api/comment-themes';

/** The comment themes (read by quality managers and admins; changed by admins). */
@Injectable({ providedIn: 'root' })
export class CommentThemesApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<CommentTheme[]> {
    return this.http.get<CommentTheme[]>(COMMENT_THEMES_URL);
  }

  create(request: CreateCommentThemeRequest): Observable<CommentThemeChange> {
    return this.http.post<CommentThemeChange>(COMMENT_THEMES_URL, request);
  }

  update(key: string, changes: UpdateCommentThemeRequest): Observable<CommentThemeChange> {
    return this.http.patch<CommentThemeChange>(`${COMMENT_THEMES_URL}/${encodeURIComponent(key)}`, changes);
  }
}
