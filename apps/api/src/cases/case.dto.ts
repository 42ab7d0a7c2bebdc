import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { CaseEntity, TaskEntity } from '@safety/persistence';
import { PageQuery } from '../common/pagination';

export class CreatePenaltyCaseDto {
  @ApiProperty({ example: '某化工公司未按规定进行安全检查' }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiPropertyOptional({ description: 'Enterprise the case is against; must be supervised by your department' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
  @ApiPropertyOptional({ type: [String], description: 'Further handling officers (the creator always handles)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  handlerIds?: string[];
}

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) caseType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) status?: string;
}

export class AttachDto {
  @ApiProperty({ enum: ['FILE', 'NOTE'] }) @IsIn(['FILE', 'NOTE']) kind!: 'FILE' | 'NOTE';
  @ApiPropertyOptional() @IsOptional() @IsUUID() taskId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) fileName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) contentType?: string;
  @ApiPropertyOptional({ description: 'NOTE text' }) @IsOptional() @IsString() @MaxLength(20000) text?: string;
  @ApiPropertyOptional({ description: 'FILE content, base64 (≤ 8 MiB decoded)' })
  @IsOptional()
  @IsBase64()
  contentBase64?: string;
}

export const caseView = (c: CaseEntity) => ({
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

export const taskView = (t: TaskEntity) => ({
  id: t.id,
  taskKey: t.taskKey,
  caseId: t.caseId,
  type: t.type,
  title: t.title,
  status: t.status,
  candidateRoles: t.candidateRoles,
  departmentId: t.departmentId,
  assigneeId: t.assigneeId,
  dueAt: t.dueAt?.toISOString() ?? null,
  warnAt: t.warnAt?.toISOString() ?? null,
  needsManualDueDate: t.needsManualDueDate,
  escalation: t.escalation,
  outcome: t.outcome,
  completedBy: t.completedBy,
  completedAt: t.completedAt?.toISOString() ?? null,
  payload: t.payload,
  createdAt: t.createdAt.toISOString(),
});
