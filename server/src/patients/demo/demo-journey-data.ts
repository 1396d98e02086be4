/** Constants behind the demo patients' journeys: plausible for a Chinese general hospital. */

/** Share of visits per department, and the median wait in minutes on an ordinary morning. */
export const DEPARTMENT_PROFILES: Record<string, { share: number; medianWait: number }> = {
  internal_medicine: { share: 0.25, medianWait: 30 },
  pediatrics: { share: 0.15, medianWait: 34 },
  surgery: { share: 0.13, medianWait: 22 },
  obstetrics_gynecology: { share: 0.12, medianWait: 26 },
  orthopedics: { share: 0.12, medianWait: 24 },
  ophthalmology: { share: 0.08, medianWait: 18 },
  stomatology: { share: 0.08, medianWait: 15 },
  rehabilitation: { share: 0.07, medianWait: 12 },
};

/** Days until the expected return, with weights. */
export const RETURN_INTERVALS: readonly [days: number, weight: number][] = [
  [7, 0.2],
  [14, 0.25],
  [30, 0.3],
  [60, 0.15],
  [90, 0.1],
];

export const PATIENT_NOTES = [
  '高血压病史，注意测量血压',
  '糖尿病，空腹就诊',
  '对青霉素过敏',
  '听力不好，请大声说话',
  '行动不便，需轮椅',
  '家属代为联系：女儿',
  '只在工作日下午方便接电话',
  '首选微信联系',
  '术后复查，伤口愈合良好',
  '孕期随访',
];

export const CLINICIAN_SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];

export const TRANSITION_REASONS: Record<string, string[]> = {
  treatment: ['确诊后开始治疗', '复诊后调整治疗方案', '症状复发，重新治疗'],
  rehabilitation: ['治疗结束，转入康复', '术后康复训练', '病情稳定，进入康复期'],
  follow_up: ['按医嘱复诊', '康复期结束，定期复查', '检查结果复核'],
};
