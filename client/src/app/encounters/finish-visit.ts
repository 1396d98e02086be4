import type { MatDialog } from '@angular/material/dialog';
import type { FinishedEncounter } from '@huifang/shared';
import { type Observable, tap } from 'rxjs';
import type { Notifier } from '../core/notifier.service';
import { formatHospitalDate } from '../i18n/hospital-date';
import type { Lang } from '../i18n/language';
import { openInviteDialog } from '../surveys/invite-dialog.component';
import {
  type FinishEncounterDialogData,
  FinishEncounterDialogComponent,
} from './finish-encounter-dialog.component';

/**
 * Finishing a visit, the same from the Today board and the patient page: the finish dialog, then a
 * confirmation that offers the survey invitation when the server says one is possible now
 * (consent and spacing are its rules, not the client's), or else from which day, as the server
 * names it (the day a 409 `survey.too_soon` would name).
 */
export function finishVisit(
  dialog: MatDialog,
  notifier: Notifier,
  data: FinishEncounterDialogData,
  lang: Lang,
): Observable<FinishedEncounter | undefined> {
  return dialog
    .open<FinishEncounterDialogComponent, FinishEncounterDialogData, FinishedEncounter>(FinishEncounterDialogComponent, {
      width: '520px',
      maxWidth: '95vw',
      data,
    })
    .afterClosed()
    .pipe(
      tap((finished) => {
        if (!finished) return;
        const params = { name: data.encounter.patientName };
        const offer = finished.surveyOffer;
        if (offer.possible) {
          notifier
            .offer('encounters.finishedSurveyOffer', params, 'encounters.inviteToSurvey')
            .subscribe(() => openInviteDialog(dialog, finished.id));
        } else if (offer.reason === 'too_soon' && offer.nextAllowedDay) {
          notifier.success('encounters.finishedSurveyTooSoon', { ...params, date: formatHospitalDate(offer.nextAllowedDay, 'date', lang) });
        } else {
          notifier.success('encounters.finished', params);
        }
      }),
    );
}
