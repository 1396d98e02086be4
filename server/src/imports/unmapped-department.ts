import type { EntityManager } from 'typeorm';
import { UNMAPPED_DEPARTMENT_CODE } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';

/**
 * The department imported encounters go to while their FHIR department code has no mapping; created
 * on first need, inactive: nobody checks a patient in there (the importer writes encounters without
 * the desk's open-department check), and it is no mapping target. ON CONFLICT DO NOTHING: two imports
 * may both find it missing and both create it.
 */
export async function unmappedDepartmentId(manager: EntityManager): Promise<number> {
  const find = async () => (await runRawSql(manager, 'SELECT id FROM department WHERE code = $1', [UNMAPPED_DEPARTMENT_CODE])) as { id: number }[];
  const [found] = await find();
  if (found) return Number(found.id);
  await runRawSql(manager, 'INSERT INTO department (code, name, name_en, active) VALUES ($1, $2, $3, FALSE) ON CONFLICT DO NOTHING', [
    UNMAPPED_DEPARTMENT_CODE,
    '未映射科室',
    'Unmapped',
  ]);
  const [created] = await find();
  return Number(created.id);
}
