import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The churn cohort's order columns (encounters/churn-order.ts): per return expectation, the due day
 * of the same patient's previous expectation (all, same department, and among the lapsed ones), the
 * covering partial index the cohort query scans, and the triggers recomputing a patient's rows on
 * every insert, delete and update of a column they depend on (any writer: desk, imports, erasure,
 * SQL). SQL spelled out so it never changes with the code. A later migration that rebuilds
 * `encounter` on SQLite drops these triggers and must create them again: the server refuses to
 * start without them.
 */

const COLUMNS = ['prev_due', 'prev_dept_due', 'prev_lapsed_due', 'prev_lapsed_dept_due'];
const INPUTS = ['next_visit_due', 'superseded', 'returned_on', 'department_id', 'patient_id'];
const Q = '(next_visit_due IS NOT NULL AND superseded = FALSE)';
const L = '(returned_on IS NULL)';

/** The expectations' values (windows over them only: each window is a sort), then nulls on the other rows. */
function recompute(postgres: boolean, patients: string | null): string[] {
  const previous = (partition: string) => `LAG(next_visit_due) OVER (PARTITION BY patient_id${partition} ORDER BY next_visit_due, id)`;
  const select = `SELECT id, ${previous('')} AS c1, ${previous(', department_id')} AS c2,
            CASE WHEN ${L} THEN ${previous(`, ${L}`)} END AS c3,
            CASE WHEN ${L} THEN ${previous(`, ${L}, department_id`)} END AS c4
       FROM encounter WHERE ${Q}${patients === null ? '' : ` AND patient_id IN (${patients})`}`;
  const differs = postgres ? 'IS DISTINCT FROM' : 'IS NOT';
  const set = COLUMNS.map((column, i) => `${column} = x.c${i + 1}`).join(', ');
  const changed = COLUMNS.map((column, i) => `encounter.${column} ${differs} x.c${i + 1}`).join(' OR ');
  const only = patients === null ? '' : `patient_id IN (${patients}) AND `;
  return [
    `UPDATE encounter SET ${set} FROM (${select}) AS x WHERE encounter.id = x.id AND (${changed})`,
    `UPDATE encounter SET ${COLUMNS.map((c) => `${c} = NULL`).join(', ')}
      WHERE ${only}NOT ${Q} AND (${COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')})`,
  ];
}

const body = (postgres: boolean, patients: string) => recompute(postgres, patients).map((sql) => `${sql};`).join('\n');

const INDEX = `CREATE INDEX "IDX_encounter_churn_order" ON "encounter" ("next_visit_due", "department_id", "returned_on", ${COLUMNS.map((c) => `"${c}"`).join(', ')}) WHERE next_visit_due IS NOT NULL AND superseded = false`;
const changed = (differs: string) => INPUTS.map((c) => `OLD.${c} ${differs} NEW.${c}`).join(' OR ');

const SQLITE = [
  ...COLUMNS.map((c) => `ALTER TABLE "encounter" ADD COLUMN "${c}" varchar(10)`),
  `CREATE TRIGGER encounter_churn_order_insert AFTER INSERT ON encounter WHEN NEW.next_visit_due IS NOT NULL
   BEGIN ${body(false, 'NEW.patient_id')} END`,
  `CREATE TRIGGER encounter_churn_order_update AFTER UPDATE OF ${INPUTS.join(', ')} ON encounter
   WHEN (OLD.next_visit_due IS NOT NULL OR NEW.next_visit_due IS NOT NULL) AND (${changed('IS NOT')})
   BEGIN ${body(false, 'OLD.patient_id, NEW.patient_id')} END`,
  `CREATE TRIGGER encounter_churn_order_delete AFTER DELETE ON encounter WHEN OLD.next_visit_due IS NOT NULL
   BEGIN ${body(false, 'OLD.patient_id')} END`,
  ...recompute(false, null),
  INDEX,
];

const POSTGRES = [
  ...COLUMNS.map((c) => `ALTER TABLE "encounter" ADD "${c}" character varying(10)`),
  // The patient rows are locked (as the app's own patient update would) so that two transactions
  // writing one patient's encounters recompute one after the other, each seeing the other's rows.
  `CREATE FUNCTION encounter_churn_order() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE a integer; b integer;
   BEGIN
     IF TG_OP = 'INSERT' THEN
       IF NEW.next_visit_due IS NULL THEN RETURN NULL; END IF;
       a := NEW.patient_id; b := NEW.patient_id;
     ELSIF TG_OP = 'DELETE' THEN
       IF OLD.next_visit_due IS NULL THEN RETURN NULL; END IF;
       a := OLD.patient_id; b := OLD.patient_id;
     ELSE
       IF (OLD.next_visit_due IS NULL AND NEW.next_visit_due IS NULL) OR NOT (${changed('IS DISTINCT FROM')}) THEN RETURN NULL; END IF;
       a := OLD.patient_id; b := NEW.patient_id;
     END IF;
     PERFORM 1 FROM patient WHERE id IN (a, b) ORDER BY id FOR NO KEY UPDATE;
     ${body(true, 'a, b')}
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER encounter_churn_order AFTER INSERT OR DELETE OR UPDATE OF ${INPUTS.join(', ')} ON encounter
   FOR EACH ROW EXECUTE FUNCTION encounter_churn_order()`,
  ...recompute(true, null),
  INDEX,
];

export class ChurnCohortOrder1765970000000 implements MigrationInterface {
  name = 'ChurnCohortOrder1765970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP TRIGGER encounter_churn_order ON encounter');
      await queryRunner.query('DROP FUNCTION encounter_churn_order()');
    } else {
      for (const name of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER encounter_churn_order_${name}`);
    }
    await queryRunner.query('DROP INDEX "IDX_encounter_churn_order"');
    for (const c of COLUMNS) await queryRunner.query(`ALTER TABLE "encounter" DROP COLUMN "${c}"`);
  }
}
