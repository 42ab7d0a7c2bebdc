import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@safety/domain/identity/roles';
import { Endpoint } from '../contract/endpoint.decorator';
import { AnyAuthenticated, ClientAddress, CurrentActor, Public, RequestId } from './auth.decorators';
import { LoginDto, LoginResultDto, MeDto, meView } from './auth.schemas';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly sessions: SessionService) {}

  @Public()
  @Post('auth/login')
  @Endpoint({
    summary:
      'Log in with username and password; returns a signed, expiring bearer token. Repeated failures per account or client address answer 429 with Retry-After',
    response: LoginResultDto,
    isPublic: true,
    errors: [400, 401, 413, 415, 429],
  })
  login(@Body() body: LoginDto, @ClientAddress() address: string, @RequestId() requestId?: string) {
    return this.sessions.login(body, address, requestId);
  }

  @ApiBearerAuth()
  @Get('me')
  @AnyAuthenticated()
  @Endpoint({ summary: 'The authenticated user, roles and visible departments', response: MeDto })
  me(@CurrentActor() actor: Actor) {
    return meView(actor);
  }
}
