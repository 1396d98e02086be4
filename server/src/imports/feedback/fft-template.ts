import type { EntityManager } from 'typeorm';
import { FFT_ANSWERS, FFT_COMMENT_QUESTION_ID, FFT_QUESTION_ID, FFT_TEMPLATE_CODE, type FftAnswer, type LocalizedText, type SurveyQuestion } from '@huifang/shared';
import { runRawSql } from '../../core/database/raw-sql';

const ANSWER_LABELS: Record<FftAnswer, LocalizedText> = {
  very_good: { zh: '非常好', en: 'Very good' },
  good: { zh: '好', en: 'Good' },
  neither: { zh: '一般', en: 'Neither good nor poor' },
  poor: { zh: '差', en: 'Poor' },
  very_poor: { zh: '非常差', en: 'Very poor' },
  dont_know: { zh: '不知道', en: "Don't know" },
};

/** The NHS FFT question (its 6-point scale in NHS order: option n is code n) and the comment box. */
export const FFT_TEMPLATE_QUESTIONS: SurveyQuestion[] = [
  {
    id: FFT_QUESTION_ID,
    kind: 'choice',
    required: true,
    text: { zh: '总体而言，您对我们服务的体验如何？', en: 'Overall, how was your experience of our service?' },
    options: FFT_ANSWERS.map((value) => ({ value, label: ANSWER_LABELS[value] })),
  },
  { id: FFT_COMMENT_QUESTION_ID, kind: 'text', required: false, text: { zh: '请告诉我们原因', en: 'Please tell us why' } },
];

const NAME: LocalizedText = { zh: 'NHS 亲友推荐测试（历史反馈）', en: 'NHS Friends and Family Test (historical feedback)' };

/**
 * The version imported FFT answers are filed under: the latest published version of the template
 * coded `nhs_fft`, created (version 1, published) by the first FFT import. Coded templates are the
 * system's: invitations never use them (SurveyTemplatesService.currentVersion). `create: false`
 * (a preview) answers null instead of creating.
 */
export async function fftTemplateVersionId(manager: EntityManager, create: boolean): Promise<number | null> {
  const find = async () =>
    (await runRawSql(
      manager,
      `SELECT v.id FROM survey_template_version v JOIN survey_template t ON t.id = v.template_id
        WHERE t.code = $1 AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`,
      [FFT_TEMPLATE_CODE],
    )) as { id: number }[];
  const [found] = await find();
  if (found) return Number(found.id);
  if (!create) return null;
  // Two imports at once: the unique code lets one create it; the other finds it (imports are serialised by their batch lock too).
  await runRawSql(manager, 'INSERT INTO survey_template (name_zh, name_en, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [NAME.zh, NAME.en, FFT_TEMPLATE_CODE]);
  const [template] = (await runRawSql(manager, 'SELECT id FROM survey_template WHERE code = $1', [FFT_TEMPLATE_CODE])) as { id: number }[];
  await runRawSql(
    manager,
    `INSERT INTO survey_template_version (template_id, version, status, questions, published_at) VALUES ($1, 1, 'published', $2, $3) ON CONFLICT DO NOTHING`,
    [Number(template.id), JSON.stringify(FFT_TEMPLATE_QUESTIONS), new Date()],
  );
  const [created] = await find();
  return Number(created.id);
}
