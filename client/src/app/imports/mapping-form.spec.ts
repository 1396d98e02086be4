import { initialMapping, isRequired, missingFields, sampleValue, withColumn } from './mapping-form';

const COLUMNS = ['病历号', '姓名', '手机', '就诊号', '科室', '签到时间'];

describe('the mapping form', () => {
  it("starts from the suggestion, dropping columns this file does not have (last month's saved mapping)", () => {
    expect(initialMapping(COLUMNS, { patientNumber: '病历号', patientName: '姓名', phone: '电话', clinician: '医生' })).toEqual({
      patientNumber: '病历号',
      patientName: '姓名',
    });
  });

  it('maps and unmaps a field without touching the others', () => {
    const start = { patientNumber: '病历号', patientName: '姓名' };
    const mapped = withColumn(start, 'phone', '手机');
    expect(mapped).toEqual({ patientNumber: '病历号', patientName: '姓名', phone: '手机' });
    expect(withColumn(mapped, 'patientName', null)).toEqual({ patientNumber: '病历号', phone: '手机' });
    expect(start).toEqual({ patientNumber: '病历号', patientName: '姓名' });
  });

  it('marks the visit fields required once a visit number is mapped, as shared/ says', () => {
    expect(missingFields({})).toEqual(['patientNumber', 'patientName']);
    expect(isRequired({}, 'department')).toBe(false);
    const withVisit = { patientNumber: '病历号', patientName: '姓名', visitNumber: '就诊号' };
    expect(isRequired(withVisit, 'department')).toBe(true);
    expect(missingFields(withVisit)).toEqual(['department', 'checkedInAt']);
    expect(missingFields({ ...withVisit, department: '科室', checkedInAt: '签到时间' })).toEqual([]);
  });

  it('shows the first non-blank sample of the chosen column', () => {
    const rows = [
      ['P1', '张三', '', 'V1', '内科', '2025-01-02 08:00'],
      ['P2', '李四', '13800138000', 'V2', '外科', '2025-01-03 09:00'],
    ];
    expect(sampleValue(COLUMNS, rows, '手机')).toBe('13800138000');
    expect(sampleValue(COLUMNS, rows, '姓名')).toBe('张三');
    expect(sampleValue(COLUMNS, rows, undefined)).toBeNull();
    expect(sampleValue(COLUMNS, rows, '没有这一列')).toBeNull();
  });
});
