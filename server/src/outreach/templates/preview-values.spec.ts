import { previewValues } from './preview-values';

const FACTS = { hospital: '示例医院', department: '骨科', today: '2026-12-02', link: 'https://h.example/feedback/EXAMPLE?lang=zh' };

describe('previewValues', () => {
  it('fills a survey invitation’s variables in the language, from the hospital’s facts', () => {
    expect(previewValues('survey_invitation', 'zh', FACTS)).toEqual({
      givenName: '芳',
      hospital: '示例医院',
      department: '骨科',
      date: '2026年12月2日',
      link: FACTS.link,
    });
    expect(previewValues('survey_invitation', 'en', { ...FACTS, hospital: '' })).toMatchObject({ givenName: 'Emma', hospital: '', date: '2 December 2026' });
  });

  it('gives only the kind’s variables, and a sample department while the hospital has none', () => {
    expect(previewValues('callback_appointment', 'en', { ...FACTS, department: null })).toEqual({
      givenName: 'Emma',
      hospital: '示例医院',
      department: 'Internal Medicine',
      date: '2 December 2026',
      time: '10:30',
    });
  });
});
