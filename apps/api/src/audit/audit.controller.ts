import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@safety/application';
import { Role } from '@safety/domain/identity/roles';
import { Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { ChainVerificationDto } from './audit.schemas';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles(Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN)
  @Endpoint({
    summary: 'Walk the hash chain of the full-process record; reports the first broken link',
    response: ChainVerificationDto,
    errors: [403],
  })
  verify() {
    return this.audit.verify();
  }
}
