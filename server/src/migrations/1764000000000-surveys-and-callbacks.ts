import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampTypeFor } from './support/timestamp-type';

/** Versioned survey templates (with the default one), one-time invitations, responses, and callbacks. */
export class SurveysAndCallbacks1764000000000 implements MigrationInterface {
  name = 'SurveysAndCallbacks1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const ts = timestampTypeFor(queryRunner.connection.options.type);
    const now = postgres ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });

    // Plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table, which foreign keys forbid.
    await queryRunner.query(
      `ALTER TABLE patient ADD COLUMN latest_survey_detractor boolean NOT NULL DEFAULT ${postgres ? 'false' : '0'}`,
    );
    await queryRunner.query(`ALTER TABLE patient ADD COLUMN last_survey_invited_at ${ts}`);

    await queryRunner.createTable(
      new Table({
        name: 'survey_template',
        columns: [
          id,
          { name: 'name_zh', type: 'varchar', length: '100' },
          { name: 'name_en', type: 'varchar', length: '100' },
          { name: 'created_at', type: ts, default: now },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'survey_template_version',
        columns: [
          id,
          { name: 'template_id', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'questions', type: 'text' },
          { name: 'created_at', type: ts, default: now },
          { name: 'published_at', type: ts, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'UQ_template_version', columnNames: ['template_id', 'version'], isUnique: true })],
        foreignKeys: [fk('template_id', 'survey_template')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'survey_invitation',
        columns: [
          id,
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'encounter_id', type: 'integer' },
          { name: 'patient_id', type: 'integer' },
          { name: 'department_id', type: 'integer' },
          { name: 'template_version_id', type: 'integer' },
          { name: 'created_at', type: ts },
          { name: 'expires_at', type: ts },
          { name: 'used_at', type: ts, isNullable: true },
          { name: 'created_by', type: 'integer', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_invitation_created', columnNames: ['created_at'] }),
          new TableIndex({ name: 'IDX_invitation_department_created', columnNames: ['department_id', 'created_at'] }),
          new TableIndex({ name: 'IDX_invitation_encounter', columnNames: ['encounter_id'] }),
        ],
        foreignKeys: [
          fk('encounter_id', 'encounter'),
          fk('patient_id', 'patient'),
          fk('department_id', 'department'),
          fk('template_version_id', 'survey_template_version'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'survey_response',
        columns: [
          id,
          { name: 'invitation_id', type: 'integer', isUnique: true },
          { name: 'encounter_id', type: 'integer' },
          { name: 'patient_id', type: 'integer' },
          { name: 'department_id', type: 'integer' },
          { name: 'template_version_id', type: 'integer' },
          { name: 'submitted_at', type: ts },
          { name: 'submitted_on', type: 'varchar', length: '10' },
          { name: 'nps', type: 'integer', isNullable: true },
          { name: 'csat', type: 'integer', isNullable: true },
          { name: 'detractor', type: 'boolean' },
          { name: 'comment', type: 'text', isNullable: true },
          { name: 'language', type: 'varchar', length: '2' },
        ],
        indices: [
          new TableIndex({ name: 'IDX_response_submitted', columnNames: ['submitted_at'] }),
          new TableIndex({ name: 'IDX_response_department_submitted', columnNames: ['department_id', 'submitted_at'] }),
          new TableIndex({ name: 'IDX_response_patient', columnNames: ['patient_id', 'submitted_at'] }),
        ],
        foreignKeys: [
          fk('invitation_id', 'survey_invitation'),
          fk('encounter_id', 'encounter'),
          fk('patient_id', 'patient'),
          fk('department_id', 'department'),
          fk('template_version_id', 'survey_template_version'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'survey_answer',
        columns: [
          id,
          { name: 'response_id', type: 'integer' },
          { name: 'question_id', type: 'varchar', length: '40' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'dimension', type: 'varchar', length: '40', isNullable: true },
          { name: 'value_number', type: 'integer', isNullable: true },
          { name: 'value_text', type: 'text', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_answer_response', columnNames: ['response_id'] })],
        foreignKeys: [fk('response_id', 'survey_response')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'callback',
        columns: [
          id,
          { name: 'patient_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'priority', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'due_at', type: ts },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'survey_response_id', type: 'integer', isNullable: true },
          { name: 'encounter_id', type: 'integer', isNullable: true },
          { name: 'created_at', type: ts, default: now },
          { name: 'updated_at', type: ts, default: now },
        ],
        indices: [
          new TableIndex({ name: 'IDX_callback_status_due', columnNames: ['status', 'due_at'] }),
          new TableIndex({ name: 'IDX_callback_patient', columnNames: ['patient_id'] }),
          // One service-recovery case per response, whatever races.
          new TableIndex({ name: 'UQ_callback_response', columnNames: ['survey_response_id'], isUnique: true, where: 'survey_response_id IS NOT NULL' }),
        ],
        foreignKeys: [fk('patient_id', 'patient'), fk('survey_response_id', 'survey_response'), fk('encounter_id', 'encounter')],
      }),
    );

    const [template] = (await queryRunner.query(
      postgres
        ? 'INSERT INTO survey_template (name_zh, name_en) VALUES ($1, $2) RETURNING id'
        : 'INSERT INTO survey_template (name_zh, name_en) VALUES (?, ?) RETURNING id',
      [DEFAULT_TEMPLATE_NAME.zh, DEFAULT_TEMPLATE_NAME.en],
    )) as { id: number }[];
    await queryRunner.query(
      postgres
        ? "INSERT INTO survey_template_version (template_id, version, status, questions, published_at) VALUES ($1, 1, 'published', $2, now())"
        : "INSERT INTO survey_template_version (template_id, version, status, questions, published_at) VALUES (?, 1, 'published', ?, " + now + ')',
      [template.id, JSON.stringify(DEFAULT_TEMPLATE_QUESTIONS)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['callback', 'survey_answer', 'survey_response', 'survey_invitation', 'survey_template_version', 'survey_template']) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.query('ALTER TABLE patient DROP COLUMN last_survey_invited_at');
    await queryRunner.query('ALTER TABLE patient DROP COLUMN latest_survey_detractor');
  }
}

/** The default survey template as this migration installs it (a frozen copy: later edits to surveys/default-template.ts do not change it). */
const DEFAULT_TEMPLATE_NAME = { zh: '门诊就诊体验调查', en: 'Outpatient experience survey' };

const DEFAULT_TEMPLATE_QUESTIONS = [
  {
    id: 'csat',
    kind: 'csat',
    required: true,
    text: { zh: '总体而言，您对本次就诊满意吗？', en: 'Overall, how satisfied were you with this visit?' },
  },
  {
    id: 'nps',
    kind: 'nps',
    required: true,
    text: {
      zh: '您有多大可能向亲友推荐我们医院？',
      en: 'How likely are you to recommend this hospital to a friend or family member?',
    },
  },
  {
    id: 'wait_time',
    kind: 'rating',
    dimension: 'wait_time',
    required: true,
    text: { zh: '您对候诊时间满意吗？', en: 'How satisfied were you with the waiting time?' },
  },
  {
    id: 'doctor_communication',
    kind: 'rating',
    dimension: 'doctor_communication',
    required: true,
    text: { zh: '医生是否认真倾听并把病情解释清楚？', en: 'Did the doctor listen carefully and explain things clearly?' },
  },
  {
    id: 'nursing',
    kind: 'rating',
    dimension: 'nursing',
    required: false,
    text: { zh: '护士的服务态度和专业程度如何？', en: 'How were the courtesy and skill of the nurses?' },
  },
  {
    id: 'environment',
    kind: 'rating',
    dimension: 'environment',
    required: false,
    text: { zh: '就诊环境是否整洁、安静？', en: 'Was the clinic clean and quiet?' },
  },
  {
    id: 'billing',
    kind: 'rating',
    dimension: 'billing',
    required: false,
    text: { zh: '费用和缴费流程是否清楚？', en: 'Were the costs and the payment process clear?' },
  },
  {
    id: 'comment',
    kind: 'text',
    required: false,
    text: { zh: '还有什么想告诉我们的吗？', en: 'Is there anything else you would like to tell us?' },
  },
];
