import { ImportTally } from './import-tally';

describe('ImportTally', () => {
  it('counts each patient once, by the most the import did to them', () => {
    const tally = new ImportTally();
    tally.patient(1, 'unchanged');
    tally.patient(1, 'unchanged');
    tally.patient(2, 'created');
    tally.patient(2, 'unchanged');
    tally.patient(3, 'unchanged');
    tally.patient(3, 'updated');
    expect(tally.summary().patients).toEqual({ created: 1, updated: 1, unchanged: 1, failed: 0 });
  });

  it('counts failures, errors, skipped types and unmapped departments', () => {
    const tally = new ImportTally();
    tally.failed('encounters', [
      { row: 1, field: null, problem: 'invalid_resource', value: null },
      { row: 1, field: null, problem: 'too_long', value: null },
    ]);
    tally.skipped('Observation');
    tally.skipped('Observation');
    tally.unmappedDepartments.add('http://snomed.info/sct|b');
    tally.unmappedDepartments.add('http://snomed.info/sct|a');
    expect(tally.summary()).toMatchObject({
      encounters: { failed: 1 },
      errorCount: 2,
      skippedByType: { Observation: 2 },
      unmappedDepartments: ['http://snomed.info/sct|a', 'http://snomed.info/sct|b'],
    });
  });
});
