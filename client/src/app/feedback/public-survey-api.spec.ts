import { loadSurvey, submitSurvey } from './public-survey-api';

describe('public survey API answers', () => {
  // jsdom has no fetch: a stand-in answering with one status and JSON body.
  const answer = (status: number, body: object) => {
    globalThis.fetch = jest.fn().mockResolvedValue({ ok: status < 400, status, json: async () => body }) as unknown as typeof fetch;
  };
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('tells an expired link from an answered one by its code', async () => {
    answer(410, { statusCode: 410, message: 'this survey link has expired', code: 'survey_link.expired' });
    expect(await loadSurvey('t')).toEqual({ kind: 'expired' });
    answer(410, { statusCode: 410, message: 'this survey has already been answered', code: 'survey_link.answered' });
    expect(await loadSurvey('t')).toEqual({ kind: 'answered' });
  });

  it("names the refused questions from params.fields, never the server's English", async () => {
    answer(400, {
      statusCode: 400,
      message: ['answers.nps must be a whole number from 0 to 10', 'answers.wait is required'],
      code: 'survey.answers_invalid',
      params: { fields: ['answers.nps', 'answers.wait'] },
    });
    expect(await submitSurvey('t', { answers: [], language: 'zh' })).toEqual({ kind: 'invalid', questionIds: ['nps', 'wait'] });
  });
});
