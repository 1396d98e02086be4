import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HospitalSettingsService } from '../../hospital-settings/hospital-settings.service';
import type { FhirFileReader, ImportSource } from '../../imports/import-records';
import { FhirDepartmentMappingsService } from '../departments/fhir-department-mappings.service';
import { codingKey, type DepartmentCoding } from '../reader/fhir-department-lookup';
import { openFhirSource, type FhirReadContext } from '../reader/fhir-source';

/**
 * The FHIR reader as the importer's jobs API and CLI use it (`FHIR_FILE_READER`). Every code an
 * encounter's department may be read from that the table lacks (serviceType, type and class alike,
 * so an admin may map by class) is recorded with the next batch, in its transaction.
 */
@Injectable()
export class FhirFileReaderService implements FhirFileReader {
  private readonly pending = new Map<string, DepartmentCoding>();

  constructor(
    private readonly mappings: FhirDepartmentMappingsService,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async open(filePath: string): Promise<ImportSource> {
    return openFhirSource(filePath, await this.context());
  }

  /** The context of one read: the mapping table as it is now, the hospital's time zone. */
  async context(): Promise<FhirReadContext> {
    const departments = await this.mappings.lookupForImport((coding) => this.pending.set(codingKey(coding), coding));
    return { departments, timeZone: (await this.hospital.current()).timeZone };
  }

  async onUnmapped(codes: DepartmentCoding[], manager: EntityManager): Promise<void> {
    const met = [...this.pending.values()];
    this.pending.clear();
    await this.mappings.recordUnmapped([...codes, ...met], manager);
  }
}
