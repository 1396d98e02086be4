import { requiredImportFields } from './imports';

describe('requiredImportFields', () => {
  it('asks for the patient number and name in every mapping', () => {
    expect(requiredImportFields({})).toEqual(['patientNumber', 'patientName']);
  });

  it('asks for the department and check-in time once a visit number is mapped', () => {
    expect(requiredImportFields({ visitNumber: '就诊号' })).toEqual([
      'patientNumber',
      'patientName',
      'visitNumber',
      'department',
      'checkedInAt',
    ]);
  });
});
