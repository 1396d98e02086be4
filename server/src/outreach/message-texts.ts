/*
 * The messages' texts, in the patient's language (their survey language; Chinese when unknown).
 * Every text says how to opt out (DOMAIN.md, Outreach). Fixed texts for now: the admin-editable
 * templates of issue #16 replace these with the same variables.
 */

export interface MessageText {
  subject: string;
  body: string;
}

export interface SurveyInvitationVariables {
  /** The hospital's name in that language; empty until an admin names it. */
  hospital: string;
  department: string;
  link: string;
}

export function surveyInvitationText(language: 'zh' | 'en', v: SurveyInvitationVariables): MessageText {
  if (language === 'en') {
    const from = v.hospital || 'Your hospital';
    return {
      subject: `${from}: how was your visit?`,
      body: `${from}: thank you for your visit to ${v.department}. Please tell us how it went (2 minutes): ${v.link}\nReply STOP to receive no more surveys.`,
    };
  }
  const from = v.hospital || '医院';
  return {
    subject: `【${from}】就诊满意度调查`,
    body: `【${from}】感谢您到${v.department}就诊，请花两分钟评价本次就诊：${v.link}\n回复“退订”不再接收调查。`,
  };
}
