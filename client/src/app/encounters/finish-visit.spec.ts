import type { MatDialog } from '@angular/material/dialog';
import type { Encounter, FinishedEncounter, SurveyOffer } from '@huifang/shared';
import { EMPTY, firstValueFrom, of } from 'rxjs';
import type { Notifier } from '../core/notifier.service';
import { registerDateLocales } from '../i18n/date-locale';
import { finishVisit } from './finish-visit';

const ENCOUNTER: Encounter = {
  id: 11,
  patientId: 7,
  patientName: '王芳',
  departmentId: 2,
  departmentName: '康复科',
  clinician: null,
  checkedInAt: '2026-03-02T09:35:00+08:00',
  calledAt: '2026-03-02T09:50:00+08:00',
  finishedAt: null,
  nextVisitDue: null,
  waitMinutes: 15,
  status: 'in_room',
};

/** Finishes the visit with the finish dialog answering `surveyOffer`; returns what the notifier was asked to say. */
async function finishWith(surveyOffer: SurveyOffer, lang: 'zh' | 'en' = 'en') {
  const finished: FinishedEncounter = { ...ENCOUNTER, status: 'finished', finishedAt: '2026-03-02T10:10:00+08:00', surveyOffer };
  const dialog = { open: () => ({ afterClosed: () => of(finished) }) } as unknown as MatDialog;
  const notifier = { success: jest.fn(), offer: jest.fn(() => EMPTY) };
  await firstValueFrom(finishVisit(dialog, notifier as unknown as Notifier, { encounter: ENCOUNTER, departmentLabel: '康复科' }, lang));
  return notifier;
}

describe('finishing a visit', () => {
  beforeAll(registerDateLocales);

  it('offers the survey invitation when the server says it is possible', async () => {
    const notifier = await finishWith({ possible: true });
    expect(notifier.offer).toHaveBeenCalledWith('encounters.finishedSurveyOffer', { name: '王芳' }, 'encounters.inviteToSurvey');
  });

  it('says from which day an invitation is possible: the calendar day the server names, unshifted', async () => {
    const tooSoon: SurveyOffer = {
      possible: false,
      reason: 'too_soon',
      nextPossibleAt: '2026-03-31T20:00:00Z',
      nextAllowedDay: '2026-04-01',
    };
    expect((await finishWith(tooSoon)).success).toHaveBeenCalledWith('encounters.finishedSurveyTooSoon', {
      name: '王芳',
      date: 'Apr 1, 2026',
    });
    expect((await finishWith(tooSoon, 'zh')).success).toHaveBeenCalledWith('encounters.finishedSurveyTooSoon', {
      name: '王芳',
      date: '2026年4月1日',
    });
  });

  it('only says the visit ended when the patient declined surveys', async () => {
    const notifier = await finishWith({ possible: false, reason: 'declined', nextPossibleAt: null, nextAllowedDay: null });
    expect(notifier.success).toHaveBeenCalledWith('encounters.finished', { name: '王芳' });
    expect(notifier.offer).not.toHaveBeenCalled();
  });
});
