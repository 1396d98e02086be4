import type { EntityManager } from 'typeorm';
import { runRawSql } from '../core/database/raw-sql';
import { SourceIdentifierEntity } from '../imports/source-identifier.entity';

/*
 * What imports from the HIS left about an erased patient. Their source keys (HIS patient and visit
 * numbers, FHIR identifiers and resource ids, as plain text) are deleted: they identify the person
 * in the hospital's other systems. So a later import of the same record finds nothing and creates a
 * NEW patient; the erased record (pseudonym, kept visits) is never revived or re-filled. Stopping the
 * HIS from sending the person again is the HIS's erasure, not Huifang's.
 *
 * Import error rows keep the offending value (≤ 100 characters) and are not linked to a patient:
 * a value that contains one of the patient's source key values, their phone or their name is blanked.
 * (A value whose control characters were masked as `?` may escape this; it is a cut cell, not a record.)
 */

/** The shortest text looked for in error values: shorter (a one-character name) would blank unrelated rows. */
const MIN_NEEDLE_LENGTH = 2;
const PATTERNS_PER_SCAN = 50;

export async function eraseImportTraces(manager: EntityManager, patientId: number, person: { name: string; phone: string }): Promise<void> {
  const encounterKeys = await runRawSql(
    manager,
    `SELECT s.source_key AS "key" FROM source_identifier s JOIN encounter e ON e.id = s.entity_id WHERE s.kind = 'encounter' AND e.patient_id = $1`,
    [patientId],
  );
  const patientKeys = await manager.find(SourceIdentifierEntity, { select: { sourceKey: true }, where: { kind: 'patient', entityId: patientId } });
  const keys = [...patientKeys.map((row) => row.sourceKey), ...(encounterKeys as { key: string }[]).map((row) => row.key)];

  const needles = new Set<string>([person.name, person.phone]);
  // `system|value` and `Patient/123`: an error names the value or id alone as often as the whole key.
  for (const key of keys) needles.add(key.slice(key.lastIndexOf(key.includes('|') ? '|' : '/') + 1)).add(key);
  const patterns = [...needles].filter((needle) => needle.length >= MIN_NEEDLE_LENGTH).map((needle) => `%${escapeLike(needle)}%`);
  // One scan of the error table per chunk of patterns, not one per pattern.
  for (let i = 0; i < patterns.length; i += PATTERNS_PER_SCAN) {
    const chunk = patterns.slice(i, i + PATTERNS_PER_SCAN);
    const conditions = chunk.map((_, j) => `value LIKE $${j + 1} ESCAPE '\\'`).join(' OR ');
    await runRawSql(manager, `UPDATE import_row_error SET value = NULL WHERE value IS NOT NULL AND (${conditions})`, chunk);
  }

  await runRawSql(
    manager,
    `DELETE FROM source_identifier WHERE kind = 'encounter' AND entity_id IN (SELECT e.id FROM encounter e WHERE e.patient_id = $1)`,
    [patientId],
  );
  await manager.delete(SourceIdentifierEntity, { kind: 'patient', entityId: patientId });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
