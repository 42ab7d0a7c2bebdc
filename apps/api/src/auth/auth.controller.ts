import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LoginService } from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import { ClientAddress, CurrentActor, Public, RequestId } from './auth.decorators';

export class LoginDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) username!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(256) password!: string;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly jwt: JwtService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in with username and password; returns a signed, expiring bearer token. Repeated failures per account or client address answer 429 with Retry-After',
  })
  async login(@Body() dto: LoginDto, @ClientAddress() address: string, @RequestId() requestId?: string) {
    const actor = await this.logins.login(dto.username, dto.password, address, requestId);
    const accessToken = await this.jwt.signAsync({ sub: actor.userId });
    return { accessToken, tokenType: 'Bearer', user: meView(actor) };
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The authenticated user, roles and visible departments' })
  me(@CurrentActor() actor: Actor) {
    return meView(actor);
  }
}

const meView = (a: Actor) => ({
  id: a.userId,
  username: a.username,
  roles: a.roles,
  departmentId: a.departmentId,
  visibleDepartmentIds: a.visibleDepartmentIds,
  credentialNo: a.credentialNo,
  legalQualified: a.legalQualified,
});
