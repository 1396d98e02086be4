import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ERROR_CODES, type AuthUser, type Role, type StaffUser } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { PasswordHasher } from './password-hasher';
import { StaffUserEntity } from './user.entity';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';

export function toStaffUser(user: StaffUserEntity): StaffUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

/** What the AuthGuard needs of a user on every request. */
export type SessionUser = Pick<StaffUserEntity, 'id' | 'username' | 'displayName' | 'role' | 'active' | 'tokenVersion'>;

/** Fixed text, so better-sqlite3 reuses its prepared statement; PostgreSQL numbers its placeholders. */
const SESSION_USER_COLUMNS = 'id, username, display_name AS "displayName", role, active, token_version AS "tokenVersion" FROM staff_user';
const SESSION_USER_SQL = { sqlite: `SELECT ${SESSION_USER_COLUMNS} WHERE id = ?`, postgres: `SELECT ${SESSION_USER_COLUMNS} WHERE id = $1` };

export function toAuthUser(user: Pick<StaffUserEntity, 'id' | 'username' | 'displayName' | 'role'>): AuthUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(StaffUserEntity) private readonly users: Repository<StaffUserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<StaffUserEntity[]> {
    return this.users.find({ order: { active: 'DESC', username: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  findById(id: number): Promise<StaffUserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /**
   * The AuthGuard's lookup on every request, read fresh each time (see auth.guard.ts). Raw SQL: the
   * query builder's SQL generation and entity hydration were ~6 % of an authenticated request's CPU.
   */
  async findSessionUser(id: number): Promise<SessionUser | null> {
    const postgres = this.users.manager.connection.options.type === 'postgres';
    const rows = (await this.users.query(postgres ? SESSION_USER_SQL.postgres : SESSION_USER_SQL.sqlite, [id])) as SessionUser[];
    const row = rows[0];
    // SQLite stores booleans as 0/1.
    return row ? { ...row, active: Boolean(row.active) } : null;
  }

  /** With the password hash, which is otherwise never selected. */
  findForLogin(username: string): Promise<StaffUserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username: username.trim().toLowerCase() })
      .getOne();
  }

  /** The account and its audit entry commit together. */
  async create(input: CreateUserDto, context: AuditContext): Promise<StaffUserEntity> {
    const username = input.username.toLowerCase();
    if (await this.users.existsBy({ username })) {
      throw usernameTaken(username);
    }
    const user = this.users.create({
      username,
      displayName: input.displayName?.trim() || username,
      role: input.role,
      passwordHash: await this.hasher.hash(input.password),
      passwordChangedAt: new Date(),
      active: true,
      lastLoginAt: null,
    });
    try {
      return await this.writes.run(async (manager) => {
        const saved = await manager.save(user);
        await this.audit.record(context, { action: 'user.create', entityType: 'staff_user', entityId: saved.id }, manager);
        return saved;
      });
    } catch (error) {
      // Two admins creating the same username at once: the unique index decides.
      if (await this.users.existsBy({ username })) throw usernameTaken(username);
      throw error;
    }
  }

  /** The change and its audit entry commit together. */
  async update(id: number, changes: UpdateUserDto, context: AuditContext): Promise<StaffUserEntity> {
    const { actor } = context;
    const user = await this.findById(id);
    if (!user) throw new NotFoundException({ message: `user ${id} not found`, code: ERROR_CODES.userNotFound });
    if (user.id === actor.id && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
      throw new ConflictException({ message: 'you cannot deactivate yourself or remove your own admin role', code: ERROR_CODES.userSelfDemotion });
    }
    const patch: Partial<StaffUserEntity> = {};
    if (changes.displayName !== undefined) patch.displayName = changes.displayName.trim();
    if (changes.role !== undefined) patch.role = changes.role;
    if (changes.active !== undefined) patch.active = changes.active;
    if (changes.password !== undefined) {
      patch.passwordHash = await this.hasher.hash(changes.password);
      patch.passwordChangedAt = new Date();
    }
    // A password reset or deactivation revokes every token issued so far (auth.guard compares `ver`).
    const revokeTokens = changes.password !== undefined || changes.active === false;
    await this.writes.run(async (manager) => {
      // Only the changed columns, so the token version is never written back from a stale read.
      if (Object.keys(patch).length) await manager.update(StaffUserEntity, { id }, patch);
      // Incremented in SQL, so two concurrent resets both count.
      if (revokeTokens) await manager.increment(StaffUserEntity, { id }, 'tokenVersion', 1);
      await this.audit.record(context, { action: 'user.update', entityType: 'staff_user', entityId: id }, manager);
    });
    return (await this.findById(id)) as StaffUserEntity;
  }

  async recordLogin(id: number): Promise<void> {
    await this.writes.run((manager) => manager.update(StaffUserEntity, { id }, { lastLoginAt: new Date() }));
  }

  /** Used on first start and by the demo seeder. */
  async createInitial(username: string, role: Role, displayName: string, password: string): Promise<StaffUserEntity> {
    const user = this.users.create({
      username,
      role,
      displayName,
      passwordHash: await this.hasher.hash(password),
      passwordChangedAt: new Date(),
      active: true,
      lastLoginAt: null,
    });
    return this.writes.run((manager) => manager.save(user));
  }
}

function usernameTaken(username: string): ConflictException {
  return new ConflictException({ message: `username "${username}" is already taken`, code: ERROR_CODES.usernameTaken });
}
