import { BadRequestException, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERROR_CODES, type ImportColumnMapping, type ImportEncoding, type ImportFormat } from '@huifang/shared';
import { DepartmentEntity } from '../departments/department.entity';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { FHIR_FILE_READER, type FhirFileReader, type ImportSource } from './import-records';
import { openNhsFftSource } from './feedback/nhs-fft-source';
import { openTabularSource } from './tabular';
import type { ImportRunOptions } from './history-importer';

/** Opens a stored file with the reader its format needs (shared by the jobs API and the CLI). */
@Injectable()
export class ImportSources {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hospital: HospitalSettingsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async open(
    filePath: string,
    options: { format: ImportFormat; encoding: ImportEncoding; mapping: ImportColumnMapping },
  ): Promise<{ source: ImportSource; runOptions: ImportRunOptions }> {
    if (options.format === 'fhir') {
      const reader = this.fhirReader();
      return { source: await reader.open(filePath), runOptions: { onUnmapped: reader.onUnmapped?.bind(reader) } };
    }
    if (options.format === 'nhs_fft') return { source: await openNhsFftSource(filePath, options.encoding), runOptions: {} };
    const departments = await this.dataSource.getRepository(DepartmentEntity).find({ select: { id: true, code: true, name: true, nameEn: true } });
    const { timeZone } = await this.hospital.current();
    const source = await openTabularSource(filePath, { format: options.format, encoding: options.encoding, mapping: options.mapping, departments, timeZone });
    return { source, runOptions: {} };
  }

  /** The FHIR feature registers its reader; it imports this module, so it is looked up, not injected. */
  private fhirReader(): FhirFileReader {
    try {
      return this.moduleRef.get<FhirFileReader>(FHIR_FILE_READER, { strict: false });
    } catch {
      throw new BadRequestException({ message: 'FHIR files cannot be imported here', code: ERROR_CODES.importUnknownFormat });
    }
  }
}
