import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { HospitalSettings, UpdateHospitalSettingsRequest, UploadHospitalLogoRequest } from '@huifang/shared';
import { Observable, firstValueFrom, tap } from 'rxjs';
import { useHospitalTimeZone } from './hospital-clock';

const SETTINGS_URL = '/api/settings';

/**
 * The hospital's settings from the server: time zone, grace days, wait threshold, survey expiry and
 * spacing, claim timeout, name and logo. Loaded after login (every staff page waits for it), kept
 * in a signal, replaced by what the server answers to a save.
 */
@Injectable({ providedIn: 'root' })
export class HospitalSettingsService {
  private readonly http = inject(HttpClient);
  private readonly current = signal<HospitalSettings | null>(null);

  /** Null until loaded. */
  readonly settings = this.current.asReadonly();

  /** Loads the settings (again); the hospital clock follows the served time zone. */
  load(): Promise<HospitalSettings> {
    return firstValueFrom(this.http.get<HospitalSettings>(SETTINGS_URL).pipe(tap((settings) => this.apply(settings))));
  }

  save(changes: UpdateHospitalSettingsRequest): Observable<HospitalSettings> {
    return this.http.put<HospitalSettings>(SETTINGS_URL, changes).pipe(tap((settings) => this.apply(settings)));
  }

  uploadLogo(logo: UploadHospitalLogoRequest): Observable<HospitalSettings> {
    return this.http.put<HospitalSettings>(`${SETTINGS_URL}/logo`, logo).pipe(tap((settings) => this.apply(settings)));
  }

  removeLogo(): Observable<HospitalSettings> {
    return this.http.delete<HospitalSettings>(`${SETTINGS_URL}/logo`).pipe(tap((settings) => this.apply(settings)));
  }

  private apply(settings: HospitalSettings): void {
    useHospitalTimeZone(settings.timeZone);
    this.current.set(settings);
  }
}
