import type { MatDialog } from '@angular/material/dialog';
import type { FinishedEncounter } from '@huifang/shared';
import { type Observable, tap } from 'rxjs';
import type { Notifier } from '../core/notifier.service';
import { openInviteDialog } from '../surveys/invite-dialog.component';
import {
  type FinishEncounterDialogData,
  FinishEncounterDialogComponent,
} from './finish-encounter-dialog.component';

/**
 * Finishing a visit, the same from the Today board and the patient page: the finish dialog, then a
 * confirmation that offers the survey invitation when the server says one is possible now
 * (consent and spacing are its rules, not the client's).
 */
export function finishVisit(
  dialog: MatDialog,
  notifier: Notifier,
  data: FinishEncounterDialogData,
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
        if (finished.surveyOffer.possible) {
          notifier
            .offer('encounters.finishedSurveyOffer', params, 'encounters.inviteToSurvey')
            .subscribe(() => openInviteDialog(dialog, finished.id));
        } else {
          notifier.success('encounters.finished', params);
        }
      }),
    );
}
