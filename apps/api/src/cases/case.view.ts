import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CaseEntity } from '@safety/persistence';
import { isoInstant, uuid } from '../contract/schemas';

export const CaseViewSchema = z.object({
  id: uuid(),
  caseType: z.string(),
  referenceNo: z.string().nullable().meta({ description: 'The case number (案号) once assigned' }),
  title: z.string(),
  status: z.string(),
  departmentId: uuid(),
  enterpriseId: uuid().nullable(),
  workflowId: z.string(),
  /** null: filed by a member of the public (a complaint sent without an account). */
  createdBy: uuid().nullable(),
  handlerIds: z.array(uuid()),
  createdAt: isoInstant(),
  updatedAt: isoInstant(),
});

export type CaseView = z.infer<typeof CaseViewSchema>;

export const caseView = (c: CaseEntity): CaseView => ({
  id: c.id,
  caseType: c.caseType,
  referenceNo: c.referenceNo,
  title: c.title,
  status: c.status,
  departmentId: c.departmentId,
  enterpriseId: c.enterpriseId,
  workflowId: c.workflowId,
  createdBy: c.createdBy,
  handlerIds: c.handlerIds,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export class CaseDto extends createZodDto(CaseViewSchema) {}
