import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ALL_ROLES, Role } from '@safety/domain/identity/roles';
import type { DepartmentEntity, UserEntity } from '@safety/persistence';
import {
  localDate,
  offsetPageOf,
  OffsetPageQuerySchema,
  pageOf,
  PageQuerySchema,
  text,
  uuid,
} from '../contract/schemas';

const LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'PARK'] as const;
const RISK_GRADES = ['RED', 'ORANGE', 'YELLOW', 'BLUE'] as const;

const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** At most a page of ids, so a lookup by id never needs a second page. */
const MAX_IDS = 100;

/** A comma-separated list of up to a page of ids (a query parameter). */
const idsParam = (description: string) =>
  z
    .string()
    .regex(new RegExp(`^${UUID_PATTERN}(,${UUID_PATTERN}){0,${MAX_IDS - 1}}$`))
    .optional()
    .meta({ description: `${description} (comma-separated, at most ${MAX_IDS})` });

export class DepartmentQueryDto extends createZodDto(
  OffsetPageQuerySchema.extend({
    level: z.enum(LEVELS).optional(),
    kind: z.string().min(1).max(48).optional(),
    ids: idsParam('Only these departments, by id: how the console names the departments a page refers to'),
  }),
) {}

/** The ids of a comma-separated `ids` parameter, each once. */
export const idsOf = (ids: string | undefined): string[] | undefined =>
  ids === undefined ? undefined : [...new Set(ids.toLowerCase().split(','))];

const DepartmentViewSchema = z.object({
  id: uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  level: z.enum(LEVELS),
  regionId: uuid(),
  parentId: uuid().nullable(),
  validFrom: localDate(),
  validTo: localDate().nullable(),
});

export class DepartmentPageDto extends createZodDto(offsetPageOf(DepartmentViewSchema)) {}

export class DirectoryDepartmentPageDto extends createZodDto(pageOf(DepartmentViewSchema)) {}

export class DepartmentDirectoryQueryDto extends createZodDto(
  PageQuerySchema.extend({
    q: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .optional()
      .meta({ description: 'Part of a name or code: the departments whose name or code contains it' }),
  }),
) {}

export const departmentView = (d: DepartmentEntity): z.infer<typeof DepartmentViewSchema> => ({
  id: d.id,
  code: d.code,
  name: d.name,
  kind: d.kind,
  level: d.level,
  regionId: d.regionId,
  parentId: d.parentId,
  validFrom: d.validFrom,
  validTo: d.validTo,
});

export class EnterpriseQueryDto extends createZodDto(
  PageQuerySchema.extend({
    sectorCode: z.string().min(1).max(48).optional(),
    riskGrade: z.enum(RISK_GRADES).optional(),
  }),
) {}

const EnterpriseViewSchema = z.object({
  id: uuid(),
  creditCode: z.string().meta({ description: '统一社会信用代码' }),
  name: z.string(),
  sectorCode: z.string(),
  regionId: uuid(),
  enforcementDepartmentId: uuid(),
  riskGrade: z.enum(RISK_GRADES),
  creditStatus: z.string(),
  principalName: z.string().nullable(),
  principalPhone: z.string().nullable().meta({ description: 'Masked in lists; in full on the single read' }),
});

export class EnterpriseDto extends createZodDto(EnterpriseViewSchema) {}
export class EnterprisePageDto extends createZodDto(pageOf(EnterpriseViewSchema)) {}

const roles = () => z.array(z.enum(ALL_ROLES));

export class CreateUserDto extends createZodDto(
  z.strictObject({
    username: z
      .string()
      .regex(/^[a-z0-9._-]{3,64}$/, { message: 'username: 3–64 lowercase letters, digits, . _ -' })
      .meta({ example: 'zhang.wei' }),
    password: z.string().min(10).max(256),
    displayName: text(64),
    departmentId: uuid(),
    roles: roles().min(1),
    credentialNo: z
      .string()
      .min(1)
      .max(32)
      .optional()
      .meta({ description: '执法证号; enforcement officers need one (行政处罚法 Art.42)' }),
    legalQualified: z.boolean().optional(),
  }),
) {}

const UserViewSchema = z.object({
  id: uuid(),
  username: z.string(),
  displayName: z.string(),
  departmentId: uuid(),
  roles: roles(),
  credentialNo: z.string().nullable(),
  legalQualified: z.boolean(),
  active: z.boolean(),
});

export class UserDto extends createZodDto(UserViewSchema) {}
export class UserPageDto extends createZodDto(pageOf(UserViewSchema)) {}

/** What every colleague may see of another: no username, no account state. */
const DirectoryUserSchema = UserViewSchema.pick({
  id: true,
  displayName: true,
  departmentId: true,
  roles: true,
  credentialNo: true,
});

export class DirectoryUserPageDto extends createZodDto(pageOf(DirectoryUserSchema)) {}

export class DirectoryQueryDto extends createZodDto(
  PageQuerySchema.extend({
    q: z.string().trim().min(1).max(50).optional().meta({
      description:
        'Part of a name or username: searches the officials of every department (credential numbers only for yours)',
    }),
    ids: idsParam(
      'Only these people, by id, of any department and whether still active or not (credential numbers only for yours): how the console names the people a record refers to',
    ),
  }),
) {}

/** A directory entry; the credential number only of the reader's own departments' officers. */
export const directoryUserView = (
  u: UserEntity,
  visibleDepartmentIds: string[],
): z.infer<typeof DirectoryUserSchema> => ({
  id: u.id,
  displayName: u.displayName,
  departmentId: u.departmentId,
  roles: u.roles as Role[],
  credentialNo: visibleDepartmentIds.includes(u.departmentId) ? u.credentialNo : null,
});

export const userView = (u: UserEntity): z.infer<typeof UserViewSchema> => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  departmentId: u.departmentId,
  roles: u.roles as Role[],
  credentialNo: u.credentialNo,
  legalQualified: u.legalQualified,
  active: u.active,
});
