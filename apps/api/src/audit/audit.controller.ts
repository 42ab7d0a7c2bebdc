import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@safety/application';
import { Role } from '@safety/domain/identity/roles';
import { Roles } from '../auth/auth.decorators';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles(Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN)
  @ApiOperation({ summary: 'Walk the hash chain of the full-process record; reports the first broken link' })
  verify() {
    return this.audit.verify();
  }
}
