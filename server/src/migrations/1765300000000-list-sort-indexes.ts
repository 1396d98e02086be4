import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Column sorting of lists (`?sort=`): the patient list by last visit and the survey responses by
 * NPS or CSAT read an index in order instead of sorting every row. The id in each index is the
 * tiebreak the lists add, so a page is read straight from it.
 */
export class ListSortIndexes1765300000000 implements MigrationInterface {
  name = 'ListSortIndexes1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_patient_last_visit" ON "patient" (last_visit_on, id)');
    await queryRunner.query('CREATE INDEX "IDX_response_nps" ON "survey_response" (nps, id)');
    await queryRunner.query('CREATE INDEX "IDX_response_csat" ON "survey_response" (csat, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_response_csat"');
    await queryRunner.query('DROP INDEX "IDX_response_nps"');
    await queryRunner.query('DROP INDEX "IDX_patient_last_visit"');
  }
}
