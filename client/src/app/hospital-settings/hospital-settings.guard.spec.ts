import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEFAULT_HOSPITAL_TIME_ZONE, type HospitalSettings } from '@huifang/shared';
import { hospitalTimeZone, useHospitalTimeZone } from './hospital-clock';
import { hospitalSettingsGuard } from './hospital-settings.guard';
import { HospitalSettingsService } from './hospital-settings-api.service';

const SETTINGS: HospitalSettings = {
  timeZone: 'America/Los_Angeles',
  returnGraceDays: 30,
  waitThresholdMinutes: 45,
  surveyExpiryDays: 14,
  surveyMinDays: 30,
  claimTimeoutMinutes: 30,
  hospitalName: { zh: '示例医院', en: 'Example Hospital' },
  logoUrl: null,
};

describe('hospitalSettingsGuard', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] }));
  afterEach(() => useHospitalTimeZone(DEFAULT_HOSPITAL_TIME_ZONE));

  it('opens staff pages only after the served settings are in, with the served time zone', async () => {
    const http = TestBed.inject(HttpTestingController);
    const result = TestBed.runInInjectionContext(() => hospitalSettingsGuard({} as never, {} as never)) as Promise<boolean>;
    let done = false;
    void result.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    http.expectOne('/api/settings').flush(SETTINGS);
    expect(await result).toBe(true);
    expect(hospitalTimeZone()).toBe('America/Los_Angeles');
    expect(TestBed.inject(HospitalSettingsService).settings()?.waitThresholdMinutes).toBe(45);
    http.verify();
  });

  it('lets the user in when the settings cannot be loaded', async () => {
    const http = TestBed.inject(HttpTestingController);
    const result = TestBed.runInInjectionContext(() => hospitalSettingsGuard({} as never, {} as never)) as Promise<boolean>;
    http.expectOne('/api/settings').flush(null, { status: 503, statusText: 'Unavailable' });
    expect(await result).toBe(true);
    expect(hospitalTimeZone()).toBe(DEFAULT_HOSPITAL_TIME_ZONE);
  });
});
