import type { Coding, Extension, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { SCALE, type LocalizedText, type SurveyQuestion, type TemplateVersionStatus } from '@huifang/shared';
import type { SurveyTemplateEntity } from '../../surveys/survey-template.entity';
import type { SurveyTemplateVersionEntity } from '../../surveys/survey-template-version.entity';
import { MAX_VALUE_EXTENSION, MIN_VALUE_EXTENSION, TRANSLATION_EXTENSION, templateCanonical } from '../fhir-systems';

/** The free-text comment every form ends with (`SubmitSurveyRequest.comment`), as an item of its own. */
export const COMMENT_LINK_ID = 'huifang-comment';
const COMMENT_TEXT: LocalizedText = { zh: '其他意见或建议', en: 'Any other comments or suggestions' };

const STATUS: Record<TemplateVersionStatus, Questionnaire['status']> = { draft: 'draft', published: 'active', retired: 'retired' };

/** Extensions on a primitive value (`_text` beside `text`); the FHIR types leave these out. */
export interface PrimitiveExtension {
  extension: Extension[];
}
type Item = QuestionnaireItem & { _text?: PrimitiveExtension };

/** The Chinese text, with its English translation as the standard extension on the element. */
export function translated(text: LocalizedText): { value: string; extension: PrimitiveExtension } {
  return {
    value: text.zh,
    extension: {
      extension: [{ url: TRANSLATION_EXTENSION, extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: text.en }] }],
    },
  };
}

function questionItem(question: SurveyQuestion): Item {
  const text = translated(question.text);
  const base = { linkId: question.id, text: text.value, _text: text.extension, required: question.required };
  switch (question.kind) {
    case 'nps':
    case 'csat':
    case 'rating': {
      const { min, max } = SCALE[question.kind];
      return {
        ...base,
        type: 'integer',
        extension: [
          { url: MIN_VALUE_EXTENSION, valueInteger: min },
          { url: MAX_VALUE_EXTENSION, valueInteger: max },
        ],
        ...(question.dimension ? { code: [{ system: 'urn:huifang:rating-dimension', code: question.dimension }] } : {}),
      };
    }
    case 'choice':
      return {
        ...base,
        type: 'choice',
        answerOption: (question.options ?? []).map((option) => {
          const label = translated(option.label);
          const coding: Coding & { _display: PrimitiveExtension } = { code: option.value, display: label.value, _display: label.extension };
          return { valueCoding: coding };
        }),
      };
    case 'text':
      return { ...base, type: 'text' };
  }
}

/** One version of a survey template as a Questionnaire: canonical URL per template, `version` = its number. */
export function toFhirQuestionnaire(version: SurveyTemplateVersionEntity, template: SurveyTemplateEntity): Questionnaire & { _title: PrimitiveExtension } {
  const title = translated({ zh: template.nameZh, en: template.nameEn });
  const comment = translated(COMMENT_TEXT);
  return {
    resourceType: 'Questionnaire',
    id: String(version.id),
    url: templateCanonical(template.id),
    version: String(version.version),
    title: title.value,
    _title: title.extension,
    status: STATUS[version.status],
    language: 'zh-CN',
    subjectType: ['Patient'],
    ...(version.publishedAt ? { date: version.publishedAt.toISOString() } : {}),
    item: [...version.questions.map(questionItem), { linkId: COMMENT_LINK_ID, text: comment.value, _text: comment.extension, type: 'text', required: false } satisfies Item],
  };
}
