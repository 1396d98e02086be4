import { surveyOffer } from './invitation-eligibility';

const now = new Date('2026-03-31T02:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('survey offer (consent, then spacing)', () => {
  it('offers the invitation to a patient never invited, or invited longer ago than the spacing', () => {
    expect(surveyOffer({ consentSurveys: null, lastSurveyInvitedAt: null }, now, 30)).toEqual({ possible: true });
    expect(surveyOffer({ consentSurveys: true, lastSurveyInvitedAt: daysAgo(30.01) }, now, 30)).toEqual({ possible: true });
  });

  it('does not offer it within the spacing, and says from when it is possible', () => {
    expect(surveyOffer({ consentSurveys: true, lastSurveyInvitedAt: daysAgo(29) }, now, 30)).toEqual({
      possible: false,
      reason: 'too_soon',
      nextPossibleAt: new Date(now.getTime() + 86_400_000).toISOString(),
    });
  });

  it('never offers it to a patient who declined surveys', () => {
    expect(surveyOffer({ consentSurveys: false, lastSurveyInvitedAt: null }, now, 30)).toEqual({
      possible: false,
      reason: 'declined',
      nextPossibleAt: null,
    });
  });
});
