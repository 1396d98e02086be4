import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import type { SurveyAnswerEntity } from '../../surveys/survey-answer.entity';
import type { SurveyResponseEntity } from '../../surveys/survey-response.entity';
import { SYSTEMS, templateCanonical } from '../fhir-systems';
import { COMMENT_LINK_ID } from './fhir-questionnaire-resource';

function answerOf(answer: SurveyAnswerEntity): QuestionnaireResponseItemAnswer | null {
  switch (answer.kind) {
    case 'nps':
    case 'csat':
    case 'rating':
      return answer.valueNumber === null ? null : { valueInteger: answer.valueNumber };
    case 'choice':
      return answer.valueText === null ? null : { valueCoding: { code: answer.valueText } };
    case 'text':
      return answer.valueText ? { valueString: answer.valueText } : null;
  }
}

/**
 * An answered survey, linked to the Questionnaire it answered (`url|version`), its visit and its
 * patient; the items in the order answered, the comment last (as the Questionnaire has it).
 */
export function toFhirQuestionnaireResponse(response: SurveyResponseEntity, templateId: number, version: number): QuestionnaireResponse {
  const items: QuestionnaireResponseItem[] = (response.answers ?? [])
    .slice()
    .sort((a, b) => a.id - b.id)
    .flatMap((answer) => {
      const value = answerOf(answer);
      return value ? [{ linkId: answer.questionId, answer: [value] }] : [];
    });
  if (response.comment) items.push({ linkId: COMMENT_LINK_ID, answer: [{ valueString: response.comment }] });
  return {
    resourceType: 'QuestionnaireResponse',
    id: String(response.id),
    identifier: { system: SYSTEMS.responseId, value: String(response.id) },
    questionnaire: `${templateCanonical(templateId)}|${version}`,
    status: 'completed',
    // Imported historical feedback is anonymous: no patient, no visit.
    ...(response.patientId === null ? {} : { subject: { reference: `Patient/${response.patientId}` } }),
    ...(response.encounterId === null ? {} : { encounter: { reference: `Encounter/${response.encounterId}` } }),
    authored: response.submittedAt.toISOString(),
    language: response.language === 'en' ? 'en' : 'zh-CN',
    ...(items.length ? { item: items } : {}),
  };
}
