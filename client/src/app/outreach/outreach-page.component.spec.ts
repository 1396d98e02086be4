import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { OutreachChannelStatus, OutreachMessage, OutreachTemplate, Page } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import outreachEn from '../../../public/i18n/outreach/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';
import { OutreachPageComponent } from './outreach-page.component';

const CHANNELS: OutreachChannelStatus[] = [
  { channel: 'sms', configured: true, lastSuccessAt: '2026-03-01T01:00:00.000Z', failedLast24h: 2, queued: 3, retrying: 1 },
  { channel: 'email', configured: true, lastSuccessAt: null, failedLast24h: 0, queued: 0, retrying: 0 },
];

const message = (id: number, changes: Partial<OutreachMessage> = {}): OutreachMessage => ({
  id,
  kind: 'survey_invitation',
  patientId: 70 + id,
  departmentId: 1,
  channel: 'sms',
  purpose: 'surveys',
  status: 'sent',
  reason: null,
  attempts: 1,
  nextAttemptAt: '2026-03-01T01:00:00.000Z',
  sentAt: '2026-03-01T01:00:02.000Z',
  deliveredAt: null,
  createdAt: '2026-03-01T01:00:00.000Z',
  ...changes,
});
const page = (items: OutreachMessage[]): Page<OutreachMessage> => ({ items, total: items.length, page: 1, pageSize: 20 });

const TEMPLATE: OutreachTemplate = {
  kind: 'survey_invitation',
  language: 'zh',
  subject: '【医院】就诊满意度调查',
  body: '请评价：{link}',
  custom: false,
  variables: ['givenName', 'hospital', 'department', 'date', 'link'],
  updatedAt: null,
  updatedBy: null,
};

describe('OutreachPageComponent', () => {
  let fixture: ComponentFixture<OutreachPageComponent>;
  let httpMock: HttpTestingController;
  let scrollIntoView: jest.Mock;

  beforeEach(async () => {
    // jsdom has none; the page scrolls to the outbox from a channel's failures.
    scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    await TestBed.configureTestingModule({
      imports: [
        OutreachPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'outreach/en': outreachEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideLocalizedDatepicker(), provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OutreachPageComponent);
    await fixture.whenStable();
    httpMock.expectOne('/api/outreach/channels').flush(CHANNELS);
    const outbox = httpMock.expectOne((r) => r.url === '/api/outreach/messages');
    expect(outbox.request.urlWithParams).toBe('/api/outreach/messages?page=1&pageSize=20');
    outbox.flush(page([message(1), message(2, { status: 'failed', reason: 'HTTP 503', sentAt: null })]));
    httpMock.expectOne('/api/outreach/templates').flush([{ ...TEMPLATE, language: 'en', subject: 'Survey', body: 'Please: {link}' }, TEMPLATE]);
    await fixture.whenStable();
  });

  afterEach(() => {
    httpMock.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = ''));
  });

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string, within: ParentNode = fixture.nativeElement): T => {
    const el = within.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();
  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const confirm = async () => {
    await fixture.whenStable();
    byTestId<HTMLButtonElement>('confirm-ok', document).click();
    await fixture.whenStable();
  };

  it('shows each channel’s state and opens its failures in the outbox', async () => {
    const sms = byTestId('channel-sms');
    expect(text(byTestId('channel-tone', sms))).toBe('Check');
    expect(text(byTestId('channel-failures', sms))).toContain('2');
    expect(text(byTestId('channel-queued', sms))).toBe('3 (1 retrying)');
    expect(text(byTestId('channel-last-success', byTestId('channel-email')))).toBe('none in the last 30 days');

    byTestId<HTMLButtonElement>('channel-show-failures-sms').click();
    await fixture.whenStable();
    httpMock.expectOne('/api/outreach/messages?page=1&pageSize=20&status=failed&channel=sms').flush(page([]));
    await fixture.whenStable();
    expect(scrollIntoView).toHaveBeenCalled();
    expect(text(byTestId('outbox-table'))).toContain('No messages');
    byTestId<HTMLButtonElement>('outbox-filter-clear').click();
    httpMock.expectOne('/api/outreach/messages?page=1&pageSize=20').flush(page([]));
  });

  it('lists messages in words and sends a failed one again after asking', async () => {
    const failed = byTestId('outbox-row-2');
    expect(text(byTestId('outbox-status', failed))).toBe('Failed');
    expect(text(byTestId('outbox-reason', failed))).toBe('HTTP 503');
    expect(byTestId('outbox-row-1').querySelector('[data-testid^="outbox-retry"]')).toBeNull();

    byTestId<HTMLButtonElement>('outbox-retry-2').click();
    await fixture.whenStable();
    expect(text(byTestId('confirm-message', document))).toContain('queued again');
    await confirm();
    httpMock.expectOne({ method: 'POST', url: '/api/outreach/messages/2/retry' }).flush(message(2, { status: 'queued', attempts: 0 }));
    await fixture.whenStable();
    // The outbox and the channels' figures are read again.
    httpMock.expectOne('/api/outreach/channels').flush(CHANNELS);
    httpMock.expectOne('/api/outreach/messages?page=1&pageSize=20').flush(page([message(2, { status: 'queued', attempts: 0, sentAt: null })]));
    await fixture.whenStable();
    expect(text(byTestId('outbox-status', byTestId('outbox-row-2')))).toBe('Queued');
  });

  it('edits a template: variables typed in at the cursor, preview, the 400’s unknown variables in place, save and reset', async () => {
    byTestId<HTMLButtonElement>('template-edit-survey_invitation-zh').click();
    await fixture.whenStable();
    expect(text(byTestId('template-editor').querySelector('h3'))).toBe('Survey invitation · Chinese');
    const body = byTestId<HTMLTextAreaElement>('template-body');
    expect(body.value).toBe('请评价：{link}');
    expect(byTestId<HTMLButtonElement>('template-save').disabled).toBe(true);

    body.focus();
    body.setSelectionRange(0, 0);
    byTestId<HTMLButtonElement>('template-variable-givenName').click();
    await fixture.whenStable();
    expect(body.value).toBe('{givenName}请评价：{link}');

    byTestId<HTMLButtonElement>('template-preview').click();
    const preview = httpMock.expectOne({ method: 'POST', url: '/api/outreach/templates/preview' });
    expect(preview.request.body).toEqual({ kind: 'survey_invitation', language: 'zh', subject: '【医院】就诊满意度调查', body: '{givenName}请评价：{link}' });
    preview.flush({ subject: '【医院】就诊满意度调查', body: '芳请评价：https://h.example/feedback/x\n回复“退订”不再接收调查。' });
    await fixture.whenStable();
    expect(text(byTestId('template-preview-body'))).toContain('回复“退订”');

    type('template-body', '{nickname}请评价 {time}');
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="template-preview-result"]')).toBeNull();
    byTestId<HTMLButtonElement>('template-save').click();
    httpMock
      .expectOne({ method: 'PUT', url: '/api/outreach/templates/survey_invitation/zh' })
      .flush(
        { code: 'outreach.unknown_template_variables', message: 'unknown variables: nickname, time', params: { variables: ['nickname', 'time'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(text(byTestId('template-unknown-variables'))).toBe('Not available for this message: {nickname}, {time}');

    // Another refusal: the API's message in the UI language.
    type('template-body', '{givenName}您好');
    byTestId<HTMLButtonElement>('template-preview').click();
    httpMock
      .expectOne({ method: 'POST', url: '/api/outreach/templates/preview' })
      .flush({ code: 'outreach.link_required', message: 'a survey message must contain {link}' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(text(byTestId('template-error'))).toBe('A survey message must contain its link, or the patient could not answer');

    type('template-body', '{givenName}您好，请评价：{link}');
    byTestId<HTMLButtonElement>('template-save').click();
    const save = httpMock.expectOne({ method: 'PUT', url: '/api/outreach/templates/survey_invitation/zh' });
    expect(save.request.body).toEqual({ subject: '【医院】就诊满意度调查', body: '{givenName}您好，请评价：{link}' });
    save.flush({ ...TEMPLATE, body: '{givenName}您好，请评价：{link}', custom: true, updatedAt: '2026-03-01T02:00:00.000Z', updatedBy: { id: 1, displayName: 'Admin' } });
    await fixture.whenStable();
    expect(text(byTestId('template-state-survey_invitation-zh'))).toBe('Edited');
    expect(fixture.nativeElement.querySelector('[data-testid="template-error"]')).toBeNull();

    byTestId<HTMLButtonElement>('template-reset').click();
    await confirm();
    httpMock.expectOne({ method: 'DELETE', url: '/api/outreach/templates/survey_invitation/zh' }).flush(TEMPLATE);
    await fixture.whenStable();
    expect(text(byTestId('template-state-survey_invitation-zh'))).toBe('Default');
    expect(byTestId<HTMLTextAreaElement>('template-body').value).toBe('请评价：{link}');
    expect(fixture.nativeElement.querySelector('[data-testid="template-reset"]')).toBeNull();
  });
});
