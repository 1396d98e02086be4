import type { SurveyTemplate } from '@huifang/shared';
import { templateChoices } from './template-options';

describe('templateChoices', () => {
  it('names each template in the UI language, in Chinese when the English name is missing', () => {
    const templates: SurveyTemplate[] = [
      { id: 1, name: { zh: '门诊满意度', en: 'Outpatient experience' }, publishedVersion: 1, versions: [] },
      { id: 2, name: { zh: '康复随访', en: '' }, publishedVersion: null, versions: [] },
    ];
    expect(templateChoices(templates, 'en')).toEqual([
      { id: 1, label: 'Outpatient experience' },
      { id: 2, label: '康复随访' },
    ]);
    expect(templateChoices(templates, 'zh').map((o) => o.label)).toEqual(['门诊满意度', '康复随访']);
  });
});
