import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ThemeTrend, ThemeTrendGrouping } from '@huifang/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

/** The comment themes' trend (GET /api/indicators/themes). */
@Injectable({ providedIn: 'root' })
export class ThemesApiService {
  private readonly http = inject(HttpClient);

  trend(query: { from: string; to: string; departmentId?: number; groupBy: ThemeTrendGrouping }): Observable<ThemeTrend> {
    return this.http.get<ThemeTrend>('/api/indicators/themes', { params: toHttpParams(query) });
  }
}
