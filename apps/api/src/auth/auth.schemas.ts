import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ALL_ROLES } from '@safety/domain/identity/roles';
import type { Actor } from '@safety/domain/identity/roles';
import { uuid } from '../contract/schemas';

export class LoginDto extends createZodDto(
  z.strictObject({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
) {}

export const MeViewSchema = z.object({
  id: uuid(),
  username: z.string(),
  roles: z.array(z.enum(ALL_ROLES)),
  departmentId: uuid(),
  visibleDepartmentIds: z
    .array(uuid())
    .meta({ description: 'Your department and, for heads and administrators, every department below it' }),
  credentialNo: z.string().nullable().meta({ description: '执法证号 (enforcement credential number)' }),
  legalQualified: z
    .boolean()
    .meta({ description: 'Holds the legal qualification first-time 法制审核 reviewers need (行政处罚法 Art.58)' }),
});

export class MeDto extends createZodDto(MeViewSchema) {}

export class LoginResultDto extends createZodDto(
  z.object({
    accessToken: z.string().meta({ description: 'Signed, expiring bearer token' }),
    tokenType: z.literal('Bearer'),
    user: MeViewSchema,
  }),
) {}

export const meView = (actor: Actor): z.infer<typeof MeViewSchema> => ({
  id: actor.userId,
  username: actor.username,
  roles: actor.roles,
  departmentId: actor.departmentId,
  visibleDepartmentIds: actor.visibleDepartmentIds,
  credentialNo: actor.credentialNo,
  legalQualified: actor.legalQualified,
});
