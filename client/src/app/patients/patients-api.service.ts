import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateTransitionRequest,
  Page,
  Patient,
  PatientQuery,
  PatientSummary,
  PatientTimeline,
  RegisterPatientRequest,
  StageTransition,
  UpdateConsentRequest,
  UpdatePatientRequest,
} from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const PATIENTS_URL = '/api/patients';

/** Patients: search, registration, the patient record, consent, lifecycle stage and timeline. */
@Injectable({ providedIn: 'root' })
export class PatientsApiService {
  private readonly http = inject(HttpClient);

  /** One page of the list; phones come masked. */
  search(query: PatientQuery): Observable<Page<PatientSummary>> {
    return this.http.get<Page<PatientSummary>>(PATIENTS_URL, { params: toHttpParams(query) });
  }

  register(request: RegisterPatientRequest): Observable<Patient> {
    return this.http.post<Patient>(PATIENTS_URL, request);
  }

  get(id: number): Observable<Patient> {
    return this.http.get<Patient>(patientUrl(id));
  }

  update(id: number, changes: UpdatePatientRequest): Observable<Patient> {
    return this.http.patch<Patient>(patientUrl(id), changes);
  }

  updateConsent(id: number, consent: UpdateConsentRequest): Observable<Patient> {
    return this.http.put<Patient>(`${patientUrl(id)}/consent`, consent);
  }

  changeStage(id: number, request: CreateTransitionRequest): Observable<StageTransition> {
    return this.http.post<StageTransition>(`${patientUrl(id)}/transitions`, request);
  }

  timeline(id: number): Observable<PatientTimeline> {
    return this.http.get<PatientTimeline>(`${patientUrl(id)}/timeline`);
  }
}

function patientUrl(id: number): string {
  return `${PATIENTS_URL}/${encodeURIComponent(id)}`;
}
