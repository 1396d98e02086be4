/** Realistic Chinese patient comments, grouped by what they are about. */
export const COMMENTS = {
  praise: [
    '医生非常耐心，解释得很清楚，谢谢！',
    '护士态度很好，抽血一点都不疼。',
    '整个流程很顺畅，比上次快多了。',
    '张医生很专业，给了很多实用的建议。',
    '环境干净整洁，导诊很热情。',
    '预约挂号很方便，到了基本不用等。',
    '复诊提醒电话很贴心，感谢回访。',
  ],
  wait_time: [
    '候诊时间太长了，等了快两个小时。',
    '叫号系统不准，过号了也没人提醒。',
    '周一上午人太多，排队排到中午。',
    '预约了时间还是要等很久，预约没有意义。',
  ],
  doctor_communication: [
    '医生看病太匆忙，问题还没说完就开药了。',
    '没有解释检查结果是什么意思，很担心。',
    '医生说话太专业，听不懂，希望能说得通俗一点。',
  ],
  nursing: ['护士态度比较冷淡，问问题不太愿意回答。', '输液室人手不够，按铃很久才有人来。'],
  environment: ['卫生间不太干净，需要改进。', '候诊区座位太少，老人只能站着等。', '停车太难了，绕了半个小时。'],
  billing: ['缴费要排好几次队，希望能手机支付。', '费用清单看不明白，不知道钱花在哪里。', '检查费用比预期高，事先没有说明。'],
  neutral: ['总体还可以，就是等的时间有点长。', '医生不错，就是挂号流程有点复杂。', '一般吧，希望下次能快一点。'],
} as const;

/** Doctor-communication scores differ a little by department (mean on 1-5). */
export const COMMUNICATION_MEAN: Record<string, number> = {
  internal_medicine: 3.9,
  pediatrics: 4.2,
  surgery: 3.8,
  obstetrics_gynecology: 4.1,
  orthopedics: 3.9,
  ophthalmology: 4.3,
  stomatology: 4.4,
  rehabilitation: 4.5,
};
