import { suggestMapping } from './header-synonyms';

describe('suggestMapping', () => {
  it('maps the headers Chinese HIS exports use', () => {
    expect(
      suggestMapping(['门诊号', '患者姓名', '联系电话', '性别', '出生日期', '挂号流水号', '就诊科室', '接诊医生', '签到时间', '就诊时间', '离院时间', '预约复诊日期', '总费用(元)', '备注']),
    ).toEqual({
      patientNumber: '门诊号',
      patientName: '患者姓名',
      phone: '联系电话',
      gender: '性别',
      birthDate: '出生日期',
      visitNumber: '挂号流水号',
      department: '就诊科室',
      clinician: '接诊医生',
      checkedInAt: '签到时间',
      calledAt: '就诊时间',
      finishedAt: '离院时间',
      nextVisitDue: '预约复诊日期',
      charge: '总费用(元)',
    });
  });

  it('maps English headers in any case and spacing, each field to its first column', () => {
    expect(suggestMapping(['Patient_No', ' Name ', 'Mobile', 'Sex', 'DOB', 'Visit ID', 'Dept', 'Doctor', 'Check-in Time', 'Called At', 'End Time', 'Follow-up date', 'Amount', 'Phone'])).toEqual({
      patientNumber: 'Patient_No',
      patientName: ' Name ',
      phone: 'Mobile',
      gender: 'Sex',
      birthDate: 'DOB',
      visitNumber: 'Visit ID',
      department: 'Dept',
      clinician: 'Doctor',
      checkedInAt: 'Check-in Time',
      calledAt: 'Called At',
      finishedAt: 'End Time',
      nextVisitDue: 'Follow-up date',
      charge: 'Amount',
    });
  });

  it('leaves unknown headers unmapped', () => expect(suggestMapping(['备注', 'remarks'])).toEqual({}));
});
