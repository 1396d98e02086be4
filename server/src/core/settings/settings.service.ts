import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppSetting } from './app-setting.entity';

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(AppSetting) private readonly settings: Repository<AppSetting>) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.settings.findOneBy({ key }))?.value;
  }

  /**
   * Returns the stored value, or stores `create()` and returns it. `orIgnore` keeps the first writer's
   * value when two instances start at once on one database.
   */
  async getOrCreate(key: string, create: () => string): Promise<string> {
    const existing = await this.get(key);
    if (existing !== undefined) return existing;
    await this.settings.createQueryBuilder().insert().values({ key, value: create() }).orIgnore().execute();
    return (await this.get(key)) as string;
  }
}
